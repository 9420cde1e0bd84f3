"""Contains all the data models used in inputs/outputs"""

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
from .create_agent_definition_request_camel import CreateAgentDefinitionRequestCamel
from .create_agent_definition_request_camel_agent_type import (
    CreateAgentDefinitionRequestCamelAgentType,
)
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
from .create_agent_definition_request_snake_agent_type import (
    CreateAgentDefinitionRequestSnakeAgentType,
)
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
from .eval_summary_config_entry import EvalSummaryConfigEntry
from .eval_summary_docs import EvalSummaryDocs
from .eval_summary_docs_item import EvalSummaryDocsItem
from .eval_summary_server_envelope import EvalSummaryServerEnvelope
from .eval_summary_server_item import EvalSummaryServerItem
from .evaluation_config import EvaluationConfig
from .evaluation_config_config import EvaluationConfigConfig
from .evaluation_config_filters_item import EvaluationConfigFiltersItem
from .evaluation_config_mapping import EvaluationConfigMapping
from .execute_prompt_simulation_request_camel import ExecutePromptSimulationRequestCamel
from .execute_prompt_simulation_request_snake import ExecutePromptSimulationRequestSnake
from .execute_run_test_request_camel import ExecuteRunTestRequestCamel
from .execute_run_test_request_snake import ExecuteRunTestRequestSnake
from .execution_camel import ExecutionCamel
from .execution_snake import ExecutionSnake
from .list_agent_definitions_agent_type import ListAgentDefinitionsAgentType
from .list_run_tests_simulation_type import ListRunTestsSimulationType
from .list_scenarios_agent_type import ListScenariosAgentType
from .prompt_execution_docs_envelope import PromptExecutionDocsEnvelope
from .prompt_execution_server_envelope import PromptExecutionServerEnvelope
from .prompt_simulation_server_envelope import PromptSimulationServerEnvelope
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
from .scenario_prompt_template_detail_type_0 import ScenarioPromptTemplateDetailType0
from .scenario_prompt_version_detail_type_0 import ScenarioPromptVersionDetailType0
from .simulation_run_results import SimulationRunResults
from .simulation_run_results_envelope import SimulationRunResultsEnvelope
from .test_execution_detail import TestExecutionDetail
from .update_run_test_components_request_camel import (
    UpdateRunTestComponentsRequestCamel,
)
from .update_run_test_components_request_snake import (
    UpdateRunTestComponentsRequestSnake,
)

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
    "CreateAgentDefinitionRequestCamel",
    "CreateAgentDefinitionRequestCamelAgentType",
    "CreateAgentDefinitionRequestCamelLivekitConfigJsonType0",
    "CreateAgentDefinitionRequestCamelModelDetailsType0",
    "CreateAgentDefinitionRequestCamelWebsocketHeadersType0",
    "CreateAgentDefinitionRequestSnake",
    "CreateAgentDefinitionRequestSnakeAgentType",
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
    "ListAgentDefinitionsAgentType",
    "ListRunTestsSimulationType",
    "ListScenariosAgentType",
    "PromptExecutionDocsEnvelope",
    "PromptExecutionServerEnvelope",
    "PromptSimulationServerEnvelope",
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
    "SimulationRunResults",
    "SimulationRunResultsEnvelope",
    "TestExecutionDetail",
    "UpdateRunTestComponentsRequestCamel",
    "UpdateRunTestComponentsRequestSnake",
)
