using DetectorDaq.Production.Actions;
using DetectorDaq.Production.Records;
using DetectorDaq.Production.Scripts;

namespace DetectorDaq.Production.Workflow;

/// <summary>
/// Runs a production script phase by phase through <see cref="ProductionWorkflow"/>: each phase gets
/// 1 + retries attempts (a FAIL or an ERROR is retried), each attempt at most the phase's timeout;
/// measurements are checked against the script's limits as they are made.
/// </summary>
/// <param name="actions">The action of every phase kind the script uses.</param>
public sealed class ScriptRunner(IReadOnlyDictionary<PhaseKind, IPhaseAction> actions)
{
    /// <summary>Called as each phase starts.</summary>
    public Action<PhaseDefinition>? PhaseStarted { get; init; }

    /// <summary>Called with each phase's record as it ends.</summary>
    public Action<PhaseRecord>? PhaseEnded { get; init; }

    /// <summary>Runs <paramref name="script"/> on <paramref name="device"/>; never throws for what a phase does.</summary>
    public RunResult Run(ProductionScript script, RunIdentity identity, IDeviceUnderTest device, IOperator @operator, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var workflow = new ProductionWorkflow(script.Phases.Select(phase => phase.Name).ToArray());
        var context = new PhaseContext(script, identity, device, @operator, workflow, outputDirectory);
        var started = DateTimeOffset.UtcNow;
        var phases = new List<PhaseRecord>();
        var message = "";
        workflow.Start();
        while (!workflow.IsFinished)
        {
            var phase = script.Phases[workflow.PhaseIndex];
            PhaseStarted?.Invoke(phase);
            var record = RunPhase(phase, context, cancellationToken);
            phases.Add(record);
            PhaseEnded?.Invoke(record);
            switch (record.Outcome)
            {
                case PhaseOutcome.Error:
                    message = $"phase '{phase.Name}' errored: {record.Message}";
                    workflow.PhaseErrored();
                    break;
                case PhaseOutcome.Aborted:
                    message = $"phase '{phase.Name}' aborted: {record.Message}";
                    workflow.Abort();
                    break;
                default:
                    if (record.Outcome == PhaseOutcome.Fail && message.Length == 0)
                    {
                        message = $"phase '{phase.Name}' failed: {record.Message}";
                    }

                    workflow.PhaseFinished(record.Outcome == PhaseOutcome.Fail);
                    break;
            }
        }

        var outcome = workflow.State switch
        {
            WorkflowState.Passed => RunOutcome.Pass,
            WorkflowState.Failed => RunOutcome.Fail,
            WorkflowState.Error => RunOutcome.Error,
            _ => RunOutcome.Aborted,
        };
        var runRecord = new RunRecord
        {
            Script = script.Name,
            ScriptPath = script.SourcePath,
            Description = script.Description,
            DutKind = script.Dut.ToString(),
            DutSerial = identity.DutSerial,
            Station = identity.Station,
            Start = started,
            End = DateTimeOffset.UtcNow,
            Outcome = outcome,
            Message = message,
            Phases = phases,
            Answers = new Dictionary<string, string>(context.Answers),
            ConstantsStoredAt = context.Data.StoredAt,
        };
        return new RunResult(runRecord, context.Data);
    }

    private PhaseRecord RunPhase(PhaseDefinition phase, PhaseContext context, CancellationToken cancellationToken)
    {
        context.Phase = phase.Name;
        var started = DateTimeOffset.UtcNow;
        var attempts = 0;
        PhaseResult result;
        do
        {
            attempts++;
            context.ClearMeasurements(phase.Name);
            result = Attempt(phase, context, cancellationToken);
        }
        while (result.Outcome is PhaseOutcome.Fail or PhaseOutcome.Error && attempts <= phase.Retries);

        return new PhaseRecord
        {
            Name = phase.Name,
            Kind = PhaseKinds.Name(phase.Kind),
            Outcome = result.Outcome,
            Attempts = attempts,
            Start = started,
            End = DateTimeOffset.UtcNow,
            Message = result.Message,
            Measurements = context.MeasurementsOf(phase.Name),
        };
    }

    private PhaseResult Attempt(PhaseDefinition phase, PhaseContext context, CancellationToken cancellationToken)
    {
        if (!actions.TryGetValue(phase.Kind, out var action))
        {
            return new PhaseResult(PhaseOutcome.Error, $"no action for {PhaseKinds.Name(phase.Kind)}");
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        context.Cancellation = attempt.Token;
        try
        {
            var result = phase.Timeout is { } timeout ? RunWithTimeout(action, phase, context, attempt, timeout) : action.Run(phase, context);
            var failed = context.MeasurementsOf(phase.Name).SelectMany(measurement => measurement.Limits.Where(limit => !limit.Passed).Select(limit => (measurement, limit))).ToArray();
            return result.Outcome == PhaseOutcome.Pass && failed.Length > 0
                ? new PhaseResult(PhaseOutcome.Fail, string.Join("; ", failed.Select(item => $"{item.measurement.Name} = {item.limit.Value:G4} {item.limit.Unit} outside limit '{item.limit.Name}'")))
                : result;
        }
        catch (OperatorAnswerMissingException exception)
        {
            return new PhaseResult(PhaseOutcome.Aborted, exception.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new PhaseResult(PhaseOutcome.Aborted, "the run was cancelled");
        }
        catch (Exception exception)
        {
            var cause = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
            return new PhaseResult(PhaseOutcome.Error, $"{cause.GetType().Name}: {cause.Message}");
        }
    }

    private static PhaseResult RunWithTimeout(IPhaseAction action, PhaseDefinition phase, PhaseContext context, CancellationTokenSource attempt, TimeSpan timeout)
    {
        var task = Task.Run(() => action.Run(phase, context));
        // WaitAny, unlike Wait, does not throw for a faulted task: its own exception (an operator's missing
        // answer among them) is rethrown unwrapped below and classified like one from an untimed phase.
        if (Task.WaitAny([task], timeout) < 0)
        {
            // The attempt must be over before a retry starts: a retry beside it would acquire from the same
            // controller and fill the same data. Acquisitions stop at the cancellation within moments; an
            // operator prompt ends when it is answered.
            attempt.Cancel();
            Task.WaitAny(task);
            throw new TimeoutException($"phase '{phase.Name}' took longer than {timeout.TotalSeconds:G4} s");
        }

        return task.GetAwaiter().GetResult();
    }
}
