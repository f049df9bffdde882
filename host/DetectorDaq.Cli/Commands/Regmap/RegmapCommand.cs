using System.CommandLine;
using DetectorDaq.Interfaces.Catalog;
using DetectorDaq.Interfaces.Rendering;

namespace DetectorDaq.Cli.Commands.Regmap;

/// <summary><c>detdaq regmap CHIP --format json|md|sv</c>: prints a register map from fpga-interfaces/.</summary>
public static class RegmapCommand
{
    /// <summary>Output formats.</summary>
    public static readonly string[] Formats = ["json", "md", "sv"];

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var chip = new Argument<string>("chip") { Description = $"Register map: {string.Join(", ", InterfaceCatalog.All.RegisterMaps.Select(m => m.Name))}." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong(Formats);
        var command = new Command("regmap", "Print a chip's or the FPGA's register map (addresses, reset values, fields, sources).") { chip, format };
        command.SetAction(parseResult => Run(parseResult.GetValue(chip)!, parseResult.GetValue(format)!, output));
        return command;
    }

    /// <summary>Writes the map named <paramref name="chipName"/> in <paramref name="format"/>.</summary>
    public static int Run(string chipName, string format, TextWriter output)
    {
        var map = InterfaceCatalog.All.FindRegisterMap(chipName)
            ?? throw new CommandLineException($"unknown chip '{chipName}'; known: {string.Join(", ", InterfaceCatalog.All.RegisterMaps.Select(m => m.Name))}", ExitCodes.UsageError);
        output.Write(format switch
        {
            "md" => MarkdownRenderer.RenderRegisterMap(map),
            "sv" => SystemVerilogRenderer.RenderMapPackage(map),
            _ => JsonRenderer.RenderRegisterMap(map),
        });
        return ExitCodes.Success;
    }
}
