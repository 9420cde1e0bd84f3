"""Contains all the data models used in inputs/outputs"""

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
from .comparison import Comparison
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
from .eval_summary_comparison_server_envelope import EvalSummaryComparisonServerEnvelope
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
from .execute_prompt_simulation_request_camel import ExecutePromptSimulationRequestCamel
from .execute_prompt_simulation_request_snake import ExecutePromptSimulationRequestSnake
from .execute_run_test_request_camel import ExecuteRunTestRequestCamel
from .execute_run_test_request_snake import ExecuteRunTestRequestSnake
from .execution_camel import ExecutionCamel
from .execution_snake import ExecutionSnake
from .failed_rerun import FailedRerun
from .list_run_tests_simulation_type import ListRunTestsSimulationType
from .prompt_execution_docs_envelope import PromptExecutionDocsEnvelope
from .prompt_execution_server_envelope import PromptExecutionServerEnvelope
from .prompt_simulation_server_envelope import PromptSimulationServerEnvelope
from .rerun_calls_request import RerunCallsRequest
from .rerun_calls_request_rerun_type import RerunCallsRequestRerunType
from .rerun_calls_result import RerunCallsResult
from .run_test import RunTest
from .run_test_execution import RunTestExecution
from .run_test_execution_page import RunTestExecutionPage
from .run_test_page import RunTestPage
from .run_test_scenario import RunTestScenario
from .run_test_scenario_page import RunTestScenarioPage
from .scenario import Scenario
from .scenario_agent_type_0 import ScenarioAgentType0
from .scenario_graph_type_0 import ScenarioGraphType0
from .scenario_prompt_template_detail_type_0 import ScenarioPromptTemplateDetailType0
from .scenario_prompt_version_detail_type_0 import ScenarioPromptVersionDetailType0
from .server_session_comparison import ServerSessionComparison
from .session_comparison import SessionComparison
from .session_comparison_server_envelope import SessionComparisonServerEnvelope
from .simulation_run_results import SimulationRunResults
from .simulation_run_results_envelope import SimulationRunResultsEnvelope
from .test_execution_detail import TestExecutionDetail

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
    "Comparison",
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
    "ListRunTestsSimulationType",
    "PromptExecutionDocsEnvelope",
    "PromptExecutionServerEnvelope",
    "PromptSimulationServerEnvelope",
    "RerunCallsRequest",
    "RerunCallsRequestRerunType",
    "RerunCallsResult",
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
    "ServerSessionComparison",
    "SessionComparison",
    "SessionComparisonServerEnvelope",
    "SimulationRunResults",
    "SimulationRunResultsEnvelope",
    "TestExecutionDetail",
)
