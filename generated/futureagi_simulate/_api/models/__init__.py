"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .agent_version import AgentVersion
    from .agent_version_configuration_snapshot_type_0 import (
        AgentVersionConfigurationSnapshotType0,
    )
    from .call_execution import CallExecution
    from .call_execution_eval_metrics_type_0 import CallExecutionEvalMetricsType0
    from .call_result import CallResult
    from .call_result_page import CallResultPage
    from .cancel_test_execution_request import CancelTestExecutionRequest
    from .cancel_test_execution_result import CancelTestExecutionResult
    from .column_config import ColumnConfig
    from .column_config_map import ColumnConfigMap
    from .create_run_test_request import CreateRunTestRequest
    from .detail_object import DetailObject
    from .error import Error
    from .error_details import ErrorDetails
    from .eval_config import EvalConfig
    from .eval_config_config_type_0 import EvalConfigConfigType0
    from .eval_config_mapping_type_0 import EvalConfigMappingType0
    from .eval_output import EvalOutput
    from .eval_outputs import EvalOutputs
    from .eval_summary_config_entry import EvalSummaryConfigEntry
    from .eval_summary_docs import EvalSummaryDocs
    from .eval_summary_docs_item import EvalSummaryDocsItem
    from .eval_summary_server_envelope import EvalSummaryServerEnvelope
    from .eval_summary_server_item import EvalSummaryServerItem
    from .evaluation_config import EvaluationConfig
    from .evaluation_config_config import EvaluationConfigConfig
    from .evaluation_config_filters_item import EvaluationConfigFiltersItem
    from .evaluation_config_mapping import EvaluationConfigMapping
    from .execute_prompt_simulation_request_camel import (
        ExecutePromptSimulationRequestCamel,
    )
    from .execute_prompt_simulation_request_snake import (
        ExecutePromptSimulationRequestSnake,
    )
    from .execute_run_test_request_camel import ExecuteRunTestRequestCamel
    from .execute_run_test_request_snake import ExecuteRunTestRequestSnake
    from .execution_camel import ExecutionCamel
    from .execution_snake import ExecutionSnake
    from .list_run_tests_simulation_type import ListRunTestsSimulationType
    from .prompt_execution_docs_envelope import PromptExecutionDocsEnvelope
    from .prompt_execution_server_envelope import PromptExecutionServerEnvelope
    from .prompt_simulation_server_envelope import PromptSimulationServerEnvelope
    from .run_test import RunTest
    from .run_test_execution import RunTestExecution
    from .run_test_execution_page import RunTestExecutionPage
    from .run_test_page import RunTestPage
    from .run_test_scenario import RunTestScenario
    from .run_test_scenario_page import RunTestScenarioPage
    from .scenario import Scenario
    from .scenario_agent_type_0 import ScenarioAgentType0
    from .scenario_graph_type_0 import ScenarioGraphType0
    from .scenario_prompt_template_detail_type_0 import (
        ScenarioPromptTemplateDetailType0,
    )
    from .scenario_prompt_version_detail_type_0 import ScenarioPromptVersionDetailType0
    from .simulation_run_results import SimulationRunResults
    from .simulation_run_results_envelope import SimulationRunResultsEnvelope
    from .test_execution_detail import TestExecutionDetail

# Each model's name and the module that defines it.
_WHERE: dict[str, str] = {
    "AgentVersion": ".agent_version",
    "AgentVersionConfigurationSnapshotType0": ".agent_version_configuration_snapshot_type_0",
    "CallExecution": ".call_execution",
    "CallExecutionEvalMetricsType0": ".call_execution_eval_metrics_type_0",
    "CallResult": ".call_result",
    "CallResultPage": ".call_result_page",
    "CancelTestExecutionRequest": ".cancel_test_execution_request",
    "CancelTestExecutionResult": ".cancel_test_execution_result",
    "ColumnConfig": ".column_config",
    "ColumnConfigMap": ".column_config_map",
    "CreateRunTestRequest": ".create_run_test_request",
    "DetailObject": ".detail_object",
    "Error": ".error",
    "ErrorDetails": ".error_details",
    "EvalConfig": ".eval_config",
    "EvalConfigConfigType0": ".eval_config_config_type_0",
    "EvalConfigMappingType0": ".eval_config_mapping_type_0",
    "EvalOutput": ".eval_output",
    "EvalOutputs": ".eval_outputs",
    "EvalSummaryConfigEntry": ".eval_summary_config_entry",
    "EvalSummaryDocs": ".eval_summary_docs",
    "EvalSummaryDocsItem": ".eval_summary_docs_item",
    "EvalSummaryServerEnvelope": ".eval_summary_server_envelope",
    "EvalSummaryServerItem": ".eval_summary_server_item",
    "EvaluationConfig": ".evaluation_config",
    "EvaluationConfigConfig": ".evaluation_config_config",
    "EvaluationConfigFiltersItem": ".evaluation_config_filters_item",
    "EvaluationConfigMapping": ".evaluation_config_mapping",
    "ExecutePromptSimulationRequestCamel": ".execute_prompt_simulation_request_camel",
    "ExecutePromptSimulationRequestSnake": ".execute_prompt_simulation_request_snake",
    "ExecuteRunTestRequestCamel": ".execute_run_test_request_camel",
    "ExecuteRunTestRequestSnake": ".execute_run_test_request_snake",
    "ExecutionCamel": ".execution_camel",
    "ExecutionSnake": ".execution_snake",
    "ListRunTestsSimulationType": ".list_run_tests_simulation_type",
    "PromptExecutionDocsEnvelope": ".prompt_execution_docs_envelope",
    "PromptExecutionServerEnvelope": ".prompt_execution_server_envelope",
    "PromptSimulationServerEnvelope": ".prompt_simulation_server_envelope",
    "RunTest": ".run_test",
    "RunTestExecution": ".run_test_execution",
    "RunTestExecutionPage": ".run_test_execution_page",
    "RunTestPage": ".run_test_page",
    "RunTestScenario": ".run_test_scenario",
    "RunTestScenarioPage": ".run_test_scenario_page",
    "Scenario": ".scenario",
    "ScenarioAgentType0": ".scenario_agent_type_0",
    "ScenarioGraphType0": ".scenario_graph_type_0",
    "ScenarioPromptTemplateDetailType0": ".scenario_prompt_template_detail_type_0",
    "ScenarioPromptVersionDetailType0": ".scenario_prompt_version_detail_type_0",
    "SimulationRunResults": ".simulation_run_results",
    "SimulationRunResultsEnvelope": ".simulation_run_results_envelope",
    "TestExecutionDetail": ".test_execution_detail",
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(where, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


__all__ = (
    "AgentVersion",
    "AgentVersionConfigurationSnapshotType0",
    "CallExecution",
    "CallExecutionEvalMetricsType0",
    "CallResult",
    "CallResultPage",
    "CancelTestExecutionRequest",
    "CancelTestExecutionResult",
    "ColumnConfig",
    "ColumnConfigMap",
    "CreateRunTestRequest",
    "DetailObject",
    "Error",
    "ErrorDetails",
    "EvalConfig",
    "EvalConfigConfigType0",
    "EvalConfigMappingType0",
    "EvalOutput",
    "EvalOutputs",
    "EvalSummaryConfigEntry",
    "EvalSummaryDocs",
    "EvalSummaryDocsItem",
    "EvalSummaryServerEnvelope",
    "EvalSummaryServerItem",
    "EvaluationConfig",
    "EvaluationConfigConfig",
    "EvaluationConfigFiltersItem",
    "EvaluationConfigMapping",
    "ExecutePromptSimulationRequestCamel",
    "ExecutePromptSimulationRequestSnake",
    "ExecuteRunTestRequestCamel",
    "ExecuteRunTestRequestSnake",
    "ExecutionCamel",
    "ExecutionSnake",
    "ListRunTestsSimulationType",
    "PromptExecutionDocsEnvelope",
    "PromptExecutionServerEnvelope",
    "PromptSimulationServerEnvelope",
    "RunTest",
    "RunTestExecution",
    "RunTestExecutionPage",
    "RunTestPage",
    "RunTestScenario",
    "RunTestScenarioPage",
    "Scenario",
    "ScenarioAgentType0",
    "ScenarioGraphType0",
    "ScenarioPromptTemplateDetailType0",
    "ScenarioPromptVersionDetailType0",
    "SimulationRunResults",
    "SimulationRunResultsEnvelope",
    "TestExecutionDetail",
)
