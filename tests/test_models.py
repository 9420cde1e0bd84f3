"""The generated models as users meet them: date-times in every RFC 3339 form."""

from __future__ import annotations

import datetime

import pytest

from futureagi_simulate import SimulateClient
from tests.data import RUN, page, run_test
from tests.server import RecordingServer, Reply


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-30T10:00:00z", datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC)),
        ("2026-11-30t10:00:00Z", datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC)),
        ("2016-12-31T23:59:60Z", datetime.datetime(2017, 1, 1, tzinfo=datetime.UTC)),
        (
            "2026-11-30T10:00:00.123456789+02:00",
            datetime.datetime(2026, 11, 30, 8, 0, 0, 123456, tzinfo=datetime.UTC),
        ),
        ("2026-11-30T10:00:00", datetime.datetime(2026, 11, 30, 10, tzinfo=datetime.UTC)),
    ],
)
def test_every_rfc3339_date_time_form_parses(
    client: SimulateClient, server: RecordingServer, text: str, expected: datetime.datetime
) -> None:
    """Lower-case z and t, a leap second and nanoseconds parse; a date-time without offset is UTC."""
    run = run_test(RUN, "Dated", created_at=text, updated_at=text, last_run_at=text)
    server.reply(Reply(200, page([run], number=1, limit=10, count=1, base=server.url)))
    listed = client.run_tests.list().results[0]
    for moment in (listed.created_at, listed.updated_at, listed.last_run_at):
        assert moment == expected
        assert isinstance(moment, datetime.datetime)
        assert moment.tzinfo is not None
