using Spectre.Console;

namespace DetectorDaq.Cli.Output;

/// <summary>Runs work with a progress bar on a terminal, plainly elsewhere (redirected output, tests).</summary>
public static class ProgressReporter
{
    /// <summary>Runs <paramref name="work"/>, showing its 0…1 progress as a bar labelled <paramref name="label"/>.</summary>
    public static T Run<T>(IAnsiConsole console, string label, Func<IProgress<double>, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new Progress<double>());
        }

        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(label, maxValue: 1.0);
                var result = work(new SynchronousProgress(value => task.Value = value));
                task.Value = 1.0;
                return result;
            });
    }

    // Progress<T> posts to the thread pool; the bar must see the value before the work returns.
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
