namespace DetectorDaq.Host.RunControl;

/// <summary>The Markdown pages in <c>docs/state-machines/</c>, built from the Stateless machines' own graphs.</summary>
public static class StateMachineDocs
{
    /// <summary>The page of the controller state machine around its Mermaid <paramref name="graph"/>.</summary>
    public static string Controller(string graph) =>
        "<!-- Generated from ControllerStateMirror (Stateless) by the host tests; regenerate with DETDAQ_UPDATE_DOCS=1. -->\n\n" +
        "# Controller state machine\n\n" +
        "Every acquisition controller runs this machine in firmware (`ControllerStateMachine`, a hand-written\n" +
        "transition table that also runs on nanoFramework); the host mirrors it with Stateless\n" +
        "(`ControllerStateMirror`) and a test proves both take the same transitions for every state and trigger.\n" +
        "Commands that a state does not permit are answered `InvalidState`; a chip that stops answering moves\n" +
        "the controller to `Fault`, which only `Reset` leaves.\n\n" +
        "```mermaid\n" + graph.TrimEnd() + "\n```\n";

    /// <summary>The page of the run-control state machine around its Mermaid <paramref name="graph"/>.</summary>
    public static string RunControl(string graph) =>
        "<!-- Generated from DetectorRunControl (Stateless) by the host tests; regenerate with DETDAQ_UPDATE_DOCS=1. -->\n\n" +
        "# Run control\n\n" +
        "The host drives every controller of a detector through a run with this machine (`DetectorRunControl`):\n" +
        "each transition fires only after every module's controller accepted the command. A refusal, a\n" +
        "controller that stops answering, or a controller reporting `Fault` in housekeeping moves the run to\n" +
        "`Fault` with a reason naming the module; `Recover` resets every controller and returns to `Idle`.\n" +
        "Each module's own state is followed by a `ControllerStateMirror` (see controller.md).\n\n" +
        "```mermaid\n" + graph.TrimEnd() + "\n```\n";
}
