"""Contains all the data models used in inputs/outputs"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .agent_definition import AgentDefinition
    from .agent_definition_created import AgentDefinitionCreated
    from .agent_definition_livekit_config_json_type_0 import (
        AgentDefinitionLivekitConfigJsonType0,
    )
    from .agent_definition_model_details_type_0 import AgentDefinitionModelDetailsType0
    from .agent_definition_page import AgentDefinitionPage
    from .agent_definition_summary import AgentDefinitionSummary
    from .agent_definition_summary_model_details_type_0 import (
        AgentDefinitionSummaryModelDetailsType0,
    )
    from .agent_definition_summary_websocket_headers_type_0 import (
        AgentDefinitionSummaryWebsocketHeadersType0,
    )
    from .agent_definition_websocket_headers_type_0 import (
        AgentDefinitionWebsocketHeadersType0,
    )
    from .agent_type import AgentType
    from .agent_version import AgentVersion
    from .agent_version_configuration_snapshot_type_0 import (
        AgentVersionConfigurationSnapshotType0,
    )
    from .agent_version_created import AgentVersionCreated
    from .agent_version_detail import AgentVersionDetail
    from .agent_version_detail_configuration_snapshot_type_0 import (
        AgentVersionDetailConfigurationSnapshotType0,
    )
    from .agent_version_eval_summary_docs_item import AgentVersionEvalSummaryDocsItem
    from .agent_version_page import AgentVersionPage
    from .agent_version_summary import AgentVersionSummary
    from .call_execution import CallExecution
    from .call_execution_eval_metrics_type_0 import CallExecutionEvalMetricsType0
    from .call_result import CallResult
    from .call_result_page import CallResultPage
    from .cancel_test_execution_request import CancelTestExecutionRequest
    from .cancel_test_execution_result import CancelTestExecutionResult
    from .column_config import ColumnConfig
    from .column_config_map import ColumnConfigMap
    from .comparison import Comparison
    from .create_agent_definition_request_camel import CreateAgentDefinitionRequestCamel
    from .create_agent_definition_request_camel_livekit_config_json_type_0 import (
        CreateAgentDefinitionRequestCamelLivekitConfigJsonType0,
    )
    from .create_agent_definition_request_camel_model_details_type_0 import (
        CreateAgentDefinitionRequestCamelModelDetailsType0,
    )
    from .create_agent_definition_request_camel_websocket_headers_type_0 import (
        CreateAgentDefinitionRequestCamelWebsocketHeadersType0,
    )
    from .create_agent_definition_request_snake import CreateAgentDefinitionRequestSnake
    from .create_agent_definition_request_snake_livekit_config_json_type_0 import (
        CreateAgentDefinitionRequestSnakeLivekitConfigJsonType0,
    )
    from .create_agent_definition_request_snake_model_details_type_0 import (
        CreateAgentDefinitionRequestSnakeModelDetailsType0,
    )
    from .create_agent_definition_request_snake_websocket_headers_type_0 import (
        CreateAgentDefinitionRequestSnakeWebsocketHeadersType0,
    )
    from .create_agent_version_request_camel import CreateAgentVersionRequestCamel
    from .create_agent_version_request_camel_livekit_config_json_type_0 import (
        CreateAgentVersionRequestCamelLivekitConfigJsonType0,
    )
    from .create_agent_version_request_camel_model_details_type_0 import (
        CreateAgentVersionRequestCamelModelDetailsType0,
    )
    from .create_agent_version_request_snake import CreateAgentVersionRequestSnake
    from .create_agent_version_request_snake_livekit_config_json_type_0 import (
        CreateAgentVersionRequestSnakeLivekitConfigJsonType0,
    )
    from .create_agent_version_request_snake_model_details_type_0 import (
        CreateAgentVersionRequestSnakeModelDetailsType0,
    )
    from .create_run_test_request import CreateRunTestRequest
    from .detail_object import DetailObject
    from .error import Error
    from .error_details import ErrorDetails
    from .eval_config import EvalConfig
    from .eval_config_config_type_0 import EvalConfigConfigType0
    from .eval_config_mapping_type_0 import EvalConfigMappingType0
    from .eval_output import EvalOutput
    from .eval_outputs import EvalOutputs
    from .eval_summary_comparison_docs import EvalSummaryComparisonDocs
    from .eval_summary_comparison_server_envelope import (
        EvalSummaryComparisonServerEnvelope,
    )
    from .eval_summary_comparison_server_envelope_result import (
        EvalSummaryComparisonServerEnvelopeResult,
    )
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
    from .failed_rerun import FailedRerun
    from .list_agent_definitions_agent_type import ListAgentDefinitionsAgentType
    from .list_run_tests_simulation_type import ListRunTestsSimulationType
    from .list_scenarios_agent_type import ListScenariosAgentType
    from .prompt_execution_docs_envelope import PromptExecutionDocsEnvelope
    from .prompt_execution_server_envelope import PromptExecutionServerEnvelope
    from .prompt_simulation_server_envelope import PromptSimulationServerEnvelope
    from .rerun_calls_request import RerunCallsRequest
    from .rerun_calls_request_rerun_type import RerunCallsRequestRerunType
    from .rerun_calls_result import RerunCallsResult
    from .run_test import RunTest
    from .run_test_call_execution import RunTestCallExecution
    from .run_test_call_execution_eval_outputs_type_0 import (
        RunTestCallExecutionEvalOutputsType0,
    )
    from .run_test_call_execution_page import RunTestCallExecutionPage
    from .run_test_deleted import RunTestDeleted
    from .run_test_execution import RunTestExecution
    from .run_test_execution_page import RunTestExecutionPage
    from .run_test_page import RunTestPage
    from .run_test_scenario import RunTestScenario
    from .run_test_scenario_page import RunTestScenarioPage
    from .scenario import Scenario
    from .scenario_agent_type_0 import ScenarioAgentType0
    from .scenario_graph_type_0 import ScenarioGraphType0
    from .scenario_page import ScenarioPage
    from .scenario_prompt_template_detail_type_0 import (
        ScenarioPromptTemplateDetailType0,
    )
    from .scenario_prompt_version_detail_type_0 import ScenarioPromptVersionDetailType0
    from .server_session_comparison import ServerSessionComparison
    from .session_comparison import SessionComparison
    from .session_comparison_server_envelope import SessionComparisonServerEnvelope
    from .simulation_run_results import SimulationRunResults
    from .simulation_run_results_envelope import SimulationRunResultsEnvelope
    from .test_execution_detail import TestExecutionDetail
    from .update_run_test_components_request_camel import (
        UpdateRunTestComponentsRequestCamel,
    )
    from .update_run_test_components_request_snake import (
        UpdateRunTestComponentsRequestSnake,
    )

# Each model's name and the module that defines it.
_WHERE: dict[str, str] = {
    "AgentDefinition": ".agent_definition",
    "AgentDefinitionCreated": ".agent_definition_created",
    "AgentDefinitionLivekitConfigJsonType0": ".agent_definition_livekit_config_json_type_0",
    "AgentDefinitionModelDetailsType0": ".agent_definition_model_details_type_0",
    "AgentDefinitionPage": ".agent_definition_page",
    "AgentDefinitionSummary": ".agent_definition_summary",
    "AgentDefinitionSummaryModelDetailsType0": ".agent_definition_summary_model_details_type_0",
    "AgentDefinitionSummaryWebsocketHeadersType0": ".agent_definition_summary_websocket_headers_type_0",
    "AgentDefinitionWebsocketHeadersType0": ".agent_definition_websocket_headers_type_0",
    "AgentType": ".agent_type",
    "AgentVersion": ".agent_version",
    "AgentVersionConfigurationSnapshotType0": ".agent_version_configuration_snapshot_type_0",
    "AgentVersionCreated": ".agent_version_created",
    "AgentVersionDetail": ".agent_version_detail",
    "AgentVersionDetailConfigurationSnapshotType0": ".agent_version_detail_configuration_snapshot_type_0",
    "AgentVersionEvalSummaryDocsItem": ".agent_version_eval_summary_docs_item",
    "AgentVersionPage": ".agent_version_page",
    "AgentVersionSummary": ".agent_version_summary",
    "CallExecution": ".call_execution",
    "CallExecutionEvalMetricsType0": ".call_execution_eval_metrics_type_0",
    "CallResult": ".call_result",
    "CallResultPage": ".call_result_page",
    "CancelTestExecutionRequest": ".cancel_test_execution_request",
    "CancelTestExecutionResult": ".cancel_test_execution_result",
    "ColumnConfig": ".column_config",
    "ColumnConfigMap": ".column_config_map",
    "Comparison": ".comparison",
    "CreateAgentDefinitionRequestCamel": ".create_agent_definition_request_camel",
    "CreateAgentDefinitionRequestCamelLivekitConfigJsonType0": ".create_agent_definition_request_camel_livekit_config_json_type_0",
    "CreateAgentDefinitionRequestCamelModelDetailsType0": ".create_agent_definition_request_camel_model_details_type_0",
    "CreateAgentDefinitionRequestCamelWebsocketHeadersType0": ".create_agent_definition_request_camel_websocket_headers_type_0",
    "CreateAgentDefinitionRequestSnake": ".create_agent_definition_request_snake",
    "CreateAgentDefinitionRequestSnakeLivekitConfigJsonType0": ".create_agent_definition_request_snake_livekit_config_json_type_0",
    "CreateAgentDefinitionRequestSnakeModelDetailsType0": ".create_agent_definition_request_snake_model_details_type_0",
    "CreateAgentDefinitionRequestSnakeWebsocketHeadersType0": ".create_agent_definition_request_snake_websocket_headers_type_0",
    "CreateAgentVersionRequestCamel": ".create_agent_version_request_camel",
    "CreateAgentVersionRequestCamelLivekitConfigJsonType0": ".create_agent_version_request_camel_livekit_config_json_type_0",
    "CreateAgentVersionRequestCamelModelDetailsType0": ".create_agent_version_request_camel_model_details_type_0",
    "CreateAgentVersionRequestSnake": ".create_agent_version_request_snake",
    "CreateAgentVersionRequestSnakeLivekitConfigJsonType0": ".create_agent_version_request_snake_livekit_config_json_type_0",
    "CreateAgentVersionRequestSnakeModelDetailsType0": ".create_agent_version_request_snake_model_details_type_0",
    "CreateRunTestRequest": ".create_run_test_request",
    "DetailObject": ".detail_object",
    "Error": ".error",
    "ErrorDetails": ".error_details",
    "EvalConfig": ".eval_config",
    "EvalConfigConfigType0": ".eval_config_config_type_0",
    "EvalConfigMappingType0": ".eval_config_mapping_type_0",
    "EvalOutput": ".eval_output",
    "EvalOutputs": ".eval_outputs",
    "EvalSummaryComparisonDocs": ".eval_summary_comparison_docs",
    "EvalSummaryComparisonServerEnvelope": ".eval_summary_comparison_server_envelope",
    "EvalSummaryComparisonServerEnvelopeResult": ".eval_summary_comparison_server_envelope_result",
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
    "FailedRerun": ".failed_rerun",
    "ListAgentDefinitionsAgentType": ".list_agent_definitions_agent_type",
    "ListRunTestsSimulationType": ".list_run_tests_simulation_type",
    "ListScenariosAgentType": ".list_scenarios_agent_type",
    "PromptExecutionDocsEnvelope": ".prompt_execution_docs_envelope",
    "PromptExecutionServerEnvelope": ".prompt_execution_server_envelope",
    "PromptSimulationServerEnvelope": ".prompt_simulation_server_envelope",
    "RerunCallsRequest": ".rerun_calls_request",
    "RerunCallsRequestRerunType": ".rerun_calls_request_rerun_type",
    "RerunCallsResult": ".rerun_calls_result",
    "RunTest": ".run_test",
    "RunTestCallExecution": ".run_test_call_execution",
    "RunTestCallExecutionEvalOutputsType0": ".run_test_call_execution_eval_outputs_type_0",
    "RunTestCallExecutionPage": ".run_test_call_execution_page",
    "RunTestDeleted": ".run_test_deleted",
    "RunTestExecution": ".run_test_execution",
    "RunTestExecutionPage": ".run_test_execution_page",
    "RunTestPage": ".run_test_page",
    "RunTestScenario": ".run_test_scenario",
    "RunTestScenarioPage": ".run_test_scenario_page",
    "Scenario": ".scenario",
    "ScenarioAgentType0": ".scenario_agent_type_0",
    "ScenarioGraphType0": ".scenario_graph_type_0",
    "ScenarioPage": ".scenario_page",
    "ScenarioPromptTemplateDetailType0": ".scenario_prompt_template_detail_type_0",
    "ScenarioPromptVersionDetailType0": ".scenario_prompt_version_detail_type_0",
    "ServerSessionComparison": ".server_session_comparison",
    "SessionComparison": ".session_comparison",
    "SessionComparisonServerEnvelope": ".session_comparison_server_envelope",
    "SimulationRunResults": ".simulation_run_results",
    "SimulationRunResultsEnvelope": ".simulation_run_results_envelope",
    "TestExecutionDetail": ".test_execution_detail",
    "UpdateRunTestComponentsRequestCamel": ".update_run_test_components_request_camel",
    "UpdateRunTestComponentsRequestSnake": ".update_run_test_components_request_snake",
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
    "AgentDefinition",
    "AgentDefinitionCreated",
    "AgentDefinitionLivekitConfigJsonType0",
    "AgentDefinitionModelDetailsType0",
    "AgentDefinitionPage",
    "AgentDefinitionSummary",
    "AgentDefinitionSummaryModelDetailsType0",
    "AgentDefinitionSummaryWebsocketHeadersType0",
    "AgentDefinitionWebsocketHeadersType0",
    "AgentType",
    "AgentVersion",
    "AgentVersionConfigurationSnapshotType0",
    "AgentVersionCreated",
    "AgentVersionDetail",
    "AgentVersionDetailConfigurationSnapshotType0",
    "AgentVersionEvalSummaryDocsItem",
    "AgentVersionPage",
    "AgentVersionSummary",
    "CallExecution",
    "CallExecutionEvalMetricsType0",
    "CallResult",
    "CallResultPage",
    "CancelTestExecutionRequest",
    "CancelTestExecutionResult",
    "ColumnConfig",
    "ColumnConfigMap",
    "Comparison",
    "CreateAgentDefinitionRequestCamel",
    "CreateAgentDefinitionRequestCamelLivekitConfigJsonType0",
    "CreateAgentDefinitionRequestCamelModelDetailsType0",
    "CreateAgentDefinitionRequestCamelWebsocketHeadersType0",
    "CreateAgentDefinitionRequestSnake",
    "CreateAgentDefinitionRequestSnakeLivekitConfigJsonType0",
    "CreateAgentDefinitionRequestSnakeModelDetailsType0",
    "CreateAgentDefinitionRequestSnakeWebsocketHeadersType0",
    "CreateAgentVersionRequestCamel",
    "CreateAgentVersionRequestCamelLivekitConfigJsonType0",
    "CreateAgentVersionRequestCamelModelDetailsType0",
    "CreateAgentVersionRequestSnake",
    "CreateAgentVersionRequestSnakeLivekitConfigJsonType0",
    "CreateAgentVersionRequestSnakeModelDetailsType0",
    "CreateRunTestRequest",
    "DetailObject",
    "Error",
    "ErrorDetails",
    "EvalConfig",
    "EvalConfigConfigType0",
    "EvalConfigMappingType0",
    "EvalOutput",
    "EvalOutputs",
    "EvalSummaryComparisonDocs",
    "EvalSummaryComparisonServerEnvelope",
    "EvalSummaryComparisonServerEnvelopeResult",
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
    "FailedRerun",
    "ListAgentDefinitionsAgentType",
    "ListRunTestsSimulationType",
    "ListScenariosAgentType",
    "PromptExecutionDocsEnvelope",
    "PromptExecutionServerEnvelope",
    "PromptSimulationServerEnvelope",
    "RerunCallsRequest",
    "RerunCallsRequestRerunType",
    "RerunCallsResult",
    "RunTest",
    "RunTestCallExecution",
    "RunTestCallExecutionEvalOutputsType0",
    "RunTestCallExecutionPage",
    "RunTestDeleted",
    "RunTestExecution",
    "RunTestExecutionPage",
    "RunTestPage",
    "RunTestScenario",
    "RunTestScenarioPage",
    "Scenario",
    "ScenarioAgentType0",
    "ScenarioGraphType0",
    "ScenarioPage",
    "ScenarioPromptTemplateDetailType0",
    "ScenarioPromptVersionDetailType0",
    "ServerSessionComparison",
    "SessionComparison",
    "SessionComparisonServerEnvelope",
    "SimulationRunResults",
    "SimulationRunResultsEnvelope",
    "TestExecutionDetail",
    "UpdateRunTestComponentsRequestCamel",
    "UpdateRunTestComponentsRequestSnake",
)
