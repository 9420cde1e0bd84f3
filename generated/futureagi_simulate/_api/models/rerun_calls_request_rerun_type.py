from typing import Literal

RerunCallsRequestRerunType = Literal["call_and_eval", "eval_only"]

RERUN_CALLS_REQUEST_RERUN_TYPE_VALUES: set[RerunCallsRequestRerunType] = {
    "call_and_eval",
    "eval_only",
}


def check_rerun_calls_request_rerun_type(value: str) -> RerunCallsRequestRerunType:
    if value in RERUN_CALLS_REQUEST_RERUN_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RERUN_CALLS_REQUEST_RERUN_TYPE_VALUES!r}"
    )
