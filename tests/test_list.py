"""run_tests.list and run_tests.iter over real HTTP: query parameters and page-number iteration."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from futureagi_simulate import InvalidArgumentError, SimulateClient
from tests.data import TEMPLATE, new_id, page, run_test
from tests.server import Recorded, RecordingServer, Reply

LIST = "/simulate/run-tests/"


def paged_server(server: RecordingServer, total: int, *, next_base: str | None = None) -> list[str]:
    """Serves ``total`` run tests newest first by page/limit, like the open-source server."""
    ids = [new_id() for _ in range(total)]

    def handler(request: Recorded) -> Reply:
        number = int(request.query.get("page", ["1"])[0])
        limit = int(request.query.get("limit", ["10"])[0])
        chunk = ids[(number - 1) * limit : number * limit]
        if number > 1 and not chunk:
            return Reply(500, {"status": False, "message": "Invalid page."})
        runs = [run_test(run_id) for run_id in chunk]
        return Reply(200, page(runs, number=number, limit=limit, count=total, base=next_base or server.url))

    server.handler = handler
    return ids


def test_list_without_arguments_sends_no_query(client: SimulateClient, server: RecordingServer) -> None:
    """Only the parameters given are sent: none given, no query string at all."""
    paged_server(server, 3)
    result = client.run_tests.list()
    assert server.requests[0].path == LIST
    assert server.requests[0].query == {}
    assert result.count == 3
    assert len(result.results) == 3


def test_list_sends_given_parameters(client: SimulateClient, server: RecordingServer) -> None:
    """search, simulation_type, page and limit go out under their snake_case names."""
    paged_server(server, 30)
    result = client.run_tests.list(search="checkout", simulation_type="agent_definition", page=2, limit=5)
    assert server.requests[0].query == {
        "search": ["checkout"],
        "simulation_type": ["agent_definition"],
        "page": ["2"],
        "limit": ["5"],
    }
    assert (result.current_page, result.total_pages) == (2, 6)


def test_empty_search_is_not_sent(client: SimulateClient, server: RecordingServer) -> None:
    """search='' is the same as no search, so the parameter is left out."""
    paged_server(server, 1)
    client.run_tests.list(search="")
    assert server.requests[0].query == {}


def test_prompt_template_id_implies_prompt_type(client: SimulateClient, server: RecordingServer) -> None:
    """The server applies prompt_template_id only with simulation_type=prompt, so the client adds it."""
    paged_server(server, 1)
    client.run_tests.list(prompt_template_id=uuid.UUID(TEMPLATE))
    assert server.requests[0].query == {"simulation_type": ["prompt"], "prompt_template_id": [TEMPLATE]}


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"prompt_template_id": TEMPLATE, "simulation_type": "agent_definition"}, "prompt_template_id"),
        ({"simulation_type": "voice"}, "simulation_type"),
        ({"prompt_template_id": "template-1"}, "prompt_template_id"),
        ({"page": 0}, "page"),
        ({"limit": 0}, "limit"),
        ({"limit": True}, "limit"),
        ({"page": "2"}, "page"),
        ({"search": 5}, "search"),
    ],
)
def test_bad_list_arguments_send_nothing(
    client: SimulateClient, server: RecordingServer, arguments: dict[str, Any], argument: str
) -> None:
    """Each bad parameter raises InvalidArgumentError naming it, before any request."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.list(**arguments)
    assert caught.value.argument == argument
    assert server.requests == []


def test_list_keeps_new_enum_values(client: SimulateClient, server: RecordingServer) -> None:
    """A source_type or scenario status the client does not know does not break the page."""
    body = run_test(source_type="workflow")
    body["scenarios_detail"][0]["status"] = "Archived"
    server.reply(Reply(200, page([body], number=1, limit=10, count=1, base=server.url)))
    (run,) = client.run_tests.list().results
    assert run.source_type == "workflow"
    assert isinstance(run.scenarios_detail, list)
    assert run.scenarios_detail[0].status == "Archived"


def test_list_keeps_unknown_fields(client: SimulateClient, server: RecordingServer) -> None:
    """Fields the server added later stay reachable on the run test, its scenarios and the page."""
    body = run_test(cost_estimate=3.5)
    body["scenarios_detail"][0]["language"] = "fr"
    answer = {**page([body], number=1, limit=10, count=1, base=server.url), "generated_at": "now"}
    server.reply(Reply(200, answer))
    listed = client.run_tests.list()
    (run,) = listed.results
    assert run["cost_estimate"] == 3.5
    assert isinstance(run.scenarios_detail, list)
    assert run.scenarios_detail[0]["language"] == "fr"
    assert listed.additional_properties == {"generated_at": "now"}


def test_iter_pages_by_number_with_exactly_the_needed_requests(
    client: SimulateClient, server: RecordingServer
) -> None:
    """25 runs at page_size=10 take exactly three requests, pages 1, 2, 3, and yield all 25 in order."""
    ids = paged_server(server, 25)
    seen = [str(run.id) for run in client.run_tests.iter(page_size=10)]
    assert seen == ids
    assert [r.query for r in server.requests] == [{"page": [str(n)], "limit": ["10"]} for n in (1, 2, 3)]


def test_iter_never_follows_the_next_url(client: SimulateClient, server: RecordingServer) -> None:
    """next points at another host (as behind a TLS proxy); pages still go to the base URL by number."""
    paged_server(server, 12, next_base="http://203.0.113.9:1")
    assert len(list(client.run_tests.iter(page_size=5))) == 12
    assert len(server.requests) == 3


def test_iter_stops_on_an_empty_page(client: SimulateClient, server: RecordingServer) -> None:
    """A page with no results ends the iteration even if next is set."""
    server.reply(
        Reply(200, {"count": 99, "next": f"{server.url}{LIST}?page=2", "previous": None, "results": []}),
    )
    assert list(client.run_tests.iter()) == []
    assert len(server.requests) == 1


def test_iter_stops_on_the_last_page_even_when_next_is_set(
    client: SimulateClient, server: RecordingServer
) -> None:
    """current_page == total_pages ends the iteration though next names a page (it would be a 500)."""
    runs = [run_test(new_id()) for _ in range(2)]
    # count promises more, so only current_page == total_pages can stop the loop here.
    body = page(runs, number=1, limit=2, count=50, base=server.url)
    body["total_pages"] = 1
    body["next"] = "http://wrong/?page=2"
    server.reply(Reply(200, body))
    assert len(list(client.run_tests.iter(page_size=2))) == 2
    assert len(server.requests) == 1


def test_iter_passes_filters_on_every_page(client: SimulateClient, server: RecordingServer) -> None:
    """The filters given to iter are repeated on each page request."""
    paged_server(server, 3)
    list(client.run_tests.iter(search="nightly", prompt_template_id=TEMPLATE, page_size=2))
    for request in server.requests:
        assert request.query["search"] == ["nightly"]
        assert request.query["simulation_type"] == ["prompt"]
        assert request.query["prompt_template_id"] == [TEMPLATE]
    assert len(server.requests) == 2


def test_iter_checks_page_size_before_the_first_request(
    client: SimulateClient, server: RecordingServer
) -> None:
    """page_size=0 fails when iter is called, not on the first next()."""
    with pytest.raises(InvalidArgumentError) as caught:
        client.run_tests.iter(page_size=0)
    assert caught.value.argument == "page_size"
    assert server.requests == []
