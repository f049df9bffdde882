using System.CommandLine;
using DetectorDaq.Files.Constants;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary><c>detdaq cal import FILE.h5</c>: stores the constants of an exported file as a new version.</summary>
internal static class CalImportCommand
{
    public static Command Create(CalStoreOptions store, TextWriter output)
    {
        var file = new Argument<string>("FILE") { Description = "HDF5 constants file (/calibration_constants), as `detdaq cal export` writes it." };
        var command = new Command("import", "Import calibration constants from HDF5 as a new version.") { file };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            var constants = CalErrors.Guard(() => ConstantsFile.Read(path));
            using var opened = store.Open(parseResult);
            var id = CalErrors.Guard(() => opened.Store(constants));
            output.WriteLine($"stored {path} as version {id} of module {constants.ModuleSerial}");
            return ExitCodes.Success;
        });
        return command;
    }
}
