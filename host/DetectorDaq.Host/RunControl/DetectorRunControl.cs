using DetectorDaq.Firmware.Control;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Host.Control;
using Stateless;
using Stateless.Graph;

namespace DetectorDaq.Host.RunControl;

/// <summary>
/// Drives every controller of a detector through a run with one Stateless machine: configure all,
/// arm all, start all, then stop (or notice that finite runs ended), with a Fault state that any
/// controller failure leads to and that only <see cref="Recover"/> (Reset on every controller)
/// leaves. Each module's own state is tracked by its <see cref="ControllerStateMirror"/>.
/// </summary>
public sealed class DetectorRunControl
{
    private readonly StateMachine<RunState, RunTrigger> _machine;
    private readonly IReadOnlyList<ModuleLink> _modules;

    /// <summary>Creates run control over <paramref name="modules"/>, starting Idle.</summary>
    public DetectorRunControl(IReadOnlyList<ModuleLink> modules)
    {
        _modules = modules;
        _machine = new StateMachine<RunState, RunTrigger>(RunState.Idle, FiringMode.Queued);

        _machine.Configure(RunState.Idle)
            .Permit(RunTrigger.Configured, RunState.Configured)
            .Permit(RunTrigger.Failed, RunState.Fault)
            .PermitReentry(RunTrigger.Recovered);

        _machine.Configure(RunState.Configured)
            .PermitReentry(RunTrigger.Configured)
            .Permit(RunTrigger.Armed, RunState.Armed)
            .Permit(RunTrigger.Failed, RunState.Fault)
            .Permit(RunTrigger.Recovered, RunState.Idle);

        _machine.Configure(RunState.Armed)
            .Permit(RunTrigger.Started, RunState.Running)
            .Permit(RunTrigger.Stopped, RunState.Configured)
            .Permit(RunTrigger.Failed, RunState.Fault)
            .Permit(RunTrigger.Recovered, RunState.Idle);

        _machine.Configure(RunState.Running)
            .Permit(RunTrigger.Stopped, RunState.Configured)
            .Permit(RunTrigger.Failed, RunState.Fault)
            .Permit(RunTrigger.Recovered, RunState.Idle);

        _machine.Configure(RunState.Fault)
            .OnEntry(transition => FaultReason ??= "fault")
            .Ignore(RunTrigger.Failed)
            .Permit(RunTrigger.Recovered, RunState.Idle)
            .OnExit(() => FaultReason = null);
    }

    /// <summary>Current run state.</summary>
    public RunState State => _machine.State;

    /// <summary>Why the run is in Fault, or null.</summary>
    public string? FaultReason { get; private set; }

    /// <summary>The modules under control.</summary>
    public IReadOnlyList<ModuleLink> Modules => _modules;

    /// <summary>Sends each module its configuration.</summary>
    /// <exception cref="RunControlException">A controller refused; the run is in Fault.</exception>
    public void Configure(Func<ModuleLink, ControllerConfiguration> configurationOf)
    {
        var payload = new byte[ControllerConfiguration.Size];
        RequireCanFire(RunTrigger.Configured);
        foreach (var module in _modules)
        {
            configurationOf(module).WriteTo(payload, 0);
            Command(module, ControlCommand.Configure, ControllerTrigger.Configure, payload);
        }

        _machine.Fire(RunTrigger.Configured);
    }

    /// <summary>Arms every controller.</summary>
    public void Arm() => All(RunTrigger.Armed, ControlCommand.Arm, ControllerTrigger.Arm);

    /// <summary>Starts every controller.</summary>
    public void Start() => All(RunTrigger.Started, ControlCommand.Start, ControllerTrigger.Start);

    /// <summary>Stops every controller that still streams.</summary>
    public void Stop()
    {
        RequireCanFire(RunTrigger.Stopped);
        foreach (var module in _modules.Where(m => m.Mirror.CanFire(ControllerTrigger.Stop)))
        {
            Command(module, ControlCommand.Stop, ControllerTrigger.Stop, []);
        }

        _machine.Fire(RunTrigger.Stopped);
    }

    /// <summary>
    /// Reads every controller's housekeeping and follows what happened on its own: a finite run that
    /// ended (all Configured again → the run stops) or a fault (→ Fault with the controller's reason).
    /// </summary>
    /// <returns>True when the run is no longer Running.</returns>
    public bool Poll()
    {
        foreach (var module in _modules)
        {
            var housekeeping = Housekeeping(module);
            try
            {
                module.Mirror.Observe(housekeeping.State);
            }
            catch (InvalidOperationException exception)
            {
                Fail($"module {module.ModuleId} ({module.Address}): {exception.Message}");
            }

            if (housekeeping.State == ControllerState.Fault)
            {
                Fail($"module {module.ModuleId} ({module.Address}) faulted: {(housekeeping.LastError.Length == 0 ? "no reason given" : housekeeping.LastError)}");
            }
        }

        if (State == RunState.Running && _modules.All(m => m.Mirror.State == ControllerState.Configured))
        {
            _machine.Fire(RunTrigger.Stopped);
        }

        return State != RunState.Running;
    }

    /// <summary>Resets every controller (each leaves Fault) and returns the run to Idle.</summary>
    /// <exception cref="RunControlException">A controller refused to reset.</exception>
    public void Recover()
    {
        foreach (var module in _modules)
        {
            var response = Send(module, ControlCommand.Reset, []);
            if (!response.IsOk)
            {
                throw new RunControlException($"module {module.ModuleId} ({module.Address}) refused Reset: {response.Reason()}");
            }

            module.Mirror.Fire(ControllerTrigger.Reset);
        }

        _machine.Fire(RunTrigger.Recovered);
    }

    /// <summary>The run state machine as a Mermaid state diagram, for the docs.</summary>
    public string ToMermaid() => MermaidGraph.Format(_machine.GetInfo());

    private void All(RunTrigger trigger, ControlCommand command, ControllerTrigger controllerTrigger)
    {
        RequireCanFire(trigger);
        foreach (var module in _modules)
        {
            Command(module, command, controllerTrigger, []);
        }

        _machine.Fire(trigger);
    }

    private void Command(ModuleLink module, ControlCommand command, ControllerTrigger trigger, byte[] payload)
    {
        if (!module.Mirror.CanFire(trigger))
        {
            Fail($"module {module.ModuleId} ({module.Address}) is {module.Mirror.State} and cannot take {command}");
        }

        var response = Send(module, command, payload);
        if (!response.IsOk)
        {
            if (response.Status is ControlStatus.ChipNotAnswering or ControlStatus.CrcError)
            {
                module.Mirror.Fire(ControllerTrigger.Fault);
            }

            Fail($"module {module.ModuleId} ({module.Address}) refused {command}: {response.Reason()}");
        }

        module.Mirror.Fire(trigger);
    }

    private Housekeeping Housekeeping(ModuleLink module)
    {
        var response = Send(module, ControlCommand.Housekeeping, []);
        var housekeeping = new Housekeeping();
        if (!response.IsOk || !Firmware.Control.Housekeeping.TryReadFrom(response.Payload, 0, response.Payload.Length, housekeeping))
        {
            Fail($"module {module.ModuleId} ({module.Address}) sent no housekeeping: {response.Reason()}");
        }

        return housekeeping;
    }

    private ControlResponse Send(ModuleLink module, ControlCommand command, byte[] payload)
    {
        try
        {
            return module.Client.Send(command, payload);
        }
        catch (ControllerUnreachableException exception)
        {
            Fail($"module {module.ModuleId}: {exception.Message}", exception);
            throw;
        }
    }

    private void RequireCanFire(RunTrigger trigger)
    {
        if (!_machine.CanFire(trigger))
        {
            throw new RunControlException($"run is {State}; {trigger} is not possible now");
        }
    }

    private void Fail(string reason, Exception? inner = null)
    {
        FaultReason ??= reason;
        _machine.Fire(RunTrigger.Failed);
        throw new RunControlException(reason, inner);
    }
}
