using System.CommandLine;
using DetectorDaq.Files.Constants;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary><c>detdaq cal export VERSION --output FILE.h5</c>: one version as an HDF5 file.</summary>
internal static class CalExportCommand
{
    public static Command Create(CalStoreOptions store, TextWriter output)
    {
        var version = new Argument<long>("VERSION") { Description = "Version id (see `detdaq cal list`)." };
        var file = new Option<string>("--output") { Description = "HDF5 file to write (/calibration_constants).", Required = true };
        var command = new Command("export", "Export one calibration version to HDF5.") { version, file };
        command.SetAction(parseResult =>
        {
            using var opened = store.Open(parseResult);
            var id = parseResult.GetValue(version);
            var path = parseResult.GetValue(file)!;
            CalErrors.Guard(() =>
            {
                var stored = opened.Get(id);
                ConstantsFile.Write(path, stored.Constants, new ConstantsOrigin(stored.VersionId, stored.CreatedAt));
                return path;
            });
            output.WriteLine($"wrote version {id} to {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
