using System.CommandLine;
using DetectorDaq.Cli.Output;
using DetectorDaq.Files;

namespace DetectorDaq.Cli.Commands.Calibrate;

/// <summary>
/// <c>detdaq calibrate flatfield --input FILE --output FILE [--log]</c>: N = (P − mean(darks)) / max(mean(flats) − mean(darks), 1e-6)
/// for every projection of a Data Exchange or NeXus file, written as /entry/calibrated/data.
/// </summary>
public static class FlatFieldCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Option<string>("--input") { Description = "Data Exchange file or NeXus file with an NXdetector holding data and image_key.", Required = true };
        var outputFile = new Option<string>("--output") { Description = "NeXus file to write (/entry/calibrated/data, float32).", Required = true };
        var minusLog = new Option<bool>("--log") { Description = "Write −ln of the normalised projections (line integrals)." };
        var command = new Command("flatfield", "Flat-field correct projections with the file's darks and flats.") { input, outputFile, minusLog };
        command.SetAction(parseResult =>
        {
            var source = parseResult.GetValue(input)!;
            var target = parseResult.GetValue(outputFile)!;
            try
            {
                var console = ConsoleFactory.Create(output);
                var warnings = ProgressReporter.Run(console, "flat-field", progress => FlatFieldService.Run(source, target, parseResult.GetValue(minusLog), progress));
                foreach (var warning in warnings)
                {
                    error.WriteLine($"warning: {warning}");
                }

                output.WriteLine($"wrote {target}");
                return ExitCodes.Success;
            }
            catch (TomographyFileException exception)
            {
                throw new CommandLineException(exception.Message, ExitCodes.UsageError, exception);
            }
        });
        return command;
    }
}
