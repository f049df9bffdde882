using System.CommandLine;
using System.Globalization;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.Cli.Commands.Cal;
using DetectorDaq.Files.Constants;
using DetectorDaq.Receiver.Topology;

namespace DetectorDaq.Cli.Commands.Acquire;

/// <summary>
/// The <c>--constants</c> arguments of <c>acquire</c>: <c>MODULE=SOURCE</c> per module, or a bare
/// <c>SOURCE</c> for a one-module detector, where SOURCE is a database version or a constants file.
/// </summary>
internal static class ModuleConstants
{
    /// <summary>Constants per module id of <paramref name="topology"/>; null when none were given.</summary>
    /// <exception cref="CommandLineException">A module is named twice, unknown or left out, or a source cannot be loaded.</exception>
    public static IReadOnlyDictionary<int, CalibrationConstants>? Load(string[] arguments, DetectorTopology topology, CalStoreOptions store, ParseResult parseResult)
    {
        if (arguments.Length == 0)
        {
            return null;
        }

        var modules = topology.Modules.Select(module => module.ModuleId).ToArray();
        var sources = new Dictionary<int, string>();
        foreach (var argument in arguments)
        {
            var (moduleId, source) = Split(argument, modules);
            if (!sources.TryAdd(moduleId, source))
            {
                throw new CommandLineException($"--constants names module {moduleId} twice", ExitCodes.UsageError);
            }
        }

        var missing = modules.Where(module => !sources.ContainsKey(module)).ToArray();
        if (missing.Length > 0)
        {
            throw new CommandLineException($"--constants gives nothing for module {string.Join(", ", missing)}: give MODULE=FILE|VERSION for every module", ExitCodes.UsageError);
        }

        return sources.ToDictionary(pair => pair.Key, pair => LoadOne(pair.Value, store, parseResult));
    }

    private static (int ModuleId, string Source) Split(string argument, int[] modules)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            return modules.Length == 1
                ? (modules[0], argument)
                : throw new CommandLineException($"--constants {argument}: the detector has {modules.Length} modules; write MODULE={argument}", ExitCodes.UsageError);
        }

        if (!int.TryParse(argument.AsSpan(0, equals), NumberStyles.None, CultureInfo.InvariantCulture, out var moduleId) || !modules.Contains(moduleId))
        {
            throw new CommandLineException($"--constants {argument}: '{argument[..equals]}' is not a module id of the detector ({string.Join(", ", modules)})", ExitCodes.UsageError);
        }

        return (moduleId, argument[(equals + 1)..]);
    }

    private static CalibrationConstants LoadOne(string source, CalStoreOptions store, ParseResult parseResult)
    {
        try
        {
            return ConstantsSource.Load(source, store, parseResult);
        }
        catch (ConstantsFileException exception)
        {
            throw new CommandLineException(exception.Message, ExitCodes.UsageError, exception);
        }
    }
}
