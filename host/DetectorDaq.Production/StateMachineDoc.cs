using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production;

/// <summary>The page <c>docs/state-machines/production-script.md</c>, built from <see cref="ProductionWorkflow"/>'s own graph.</summary>
public static class StateMachineDoc
{
    /// <summary>The page text.</summary>
    public static string Page() =>
        "<!-- Generated from ProductionWorkflow (Stateless) by the production tests; regenerate with DETDAQ_UPDATE_DOCS=1. -->\n\n" +
        "# Production script\n\n" +
        "A production script (`detdaq calibrate run SCRIPT.yaml`) runs its phases one after the other in\n" +
        "`Running`; a prompt phase waits in `WaitingForOperator`. A phase that ends PASS, FAIL or SKIPPED starts\n" +
        "the next; after the last the run is `Passed` or, if any phase failed, `Failed`. A phase that still\n" +
        "errors after its retries ends the run in `Error`; a missing operator answer or a cancellation in `Aborted`.\n\n" +
        "```mermaid\n" + new ProductionWorkflow(["phase"]).ToMermaid().TrimEnd() + "\n```\n";
}
