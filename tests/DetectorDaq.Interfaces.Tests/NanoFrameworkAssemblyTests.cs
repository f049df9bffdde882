using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DetectorDaq.Interfaces.Tests;

/// <summary>
/// The firmware core compiled for nanoFramework must load on a device: it may reference only
/// nanoFramework's mscorlib 1.17 and must not carry attribute types the compiler injects when the
/// target library lacks them (nullable metadata, ref-safety rules, embedded attributes).
/// </summary>
public class NanoFrameworkAssemblyTests
{
    private static readonly string[] CompilerInjectedNamespaces = ["System.Runtime.CompilerServices", "Microsoft.CodeAnalysis", "System.Diagnostics.CodeAnalysis"];

    private static string AssemblyPath()
    {
        var candidates = new[] { "Release", "Debug" }
            .Select(configuration => Path.Combine(RepositoryPaths.Root, "firmware", "DetectorDaq.Firmware.Nano", "bin", configuration, "netstandard2.0", "DetectorDaq.Firmware.Nano.dll"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ToList();
        Assert.That(candidates, Is.Not.Empty, "the nanoFramework build output is missing; build firmware/DetectorDaq.Firmware.Nano");
        return candidates[0];
    }

    [Test]
    public void NanoAssembly_ReferencesOnlyNanoFrameworkMscorlib117()
    {
        using var reader = new PEReader(File.OpenRead(AssemblyPath()));
        var metadata = reader.GetMetadataReader();

        var references = metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => $"{metadata.GetString(reference.Name)} {reference.Version.Major}.{reference.Version.Minor}")
            .ToList();

        Assert.That(references, Is.EqualTo(new[] { "mscorlib 1.17" }));
    }

    [Test]
    public void NanoAssembly_DefinesNoCompilerInjectedAttributeTypes()
    {
        using var reader = new PEReader(File.OpenRead(AssemblyPath()));
        var metadata = reader.GetMetadataReader();

        var injected = metadata.TypeDefinitions
            .Select(handle => metadata.GetTypeDefinition(handle))
            .Select(type => $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}")
            .Where(name => CompilerInjectedNamespaces.Any(ns => name.StartsWith(ns + ".", StringComparison.Ordinal)) || name.EndsWith("Attribute", StringComparison.Ordinal))
            .ToList();

        Assert.That(injected, Is.Empty);
    }

    [TestCase("DetectorDaq.Firmware.Ads131m08", "Ads131m08")]
    [TestCase("DetectorDaq.Firmware.Ddc264", "Ddc264Chain")]
    [TestCase("DetectorDaq.Firmware.Fpga", "FpgaLink")]
    [TestCase("DetectorDaq.Firmware.Control", "ControlDispatcher")]
    [TestCase("DetectorDaq.Firmware.Control", "ControllerStateMachine")]
    [TestCase("DetectorDaq.Firmware.Framing", "DataFramer")]
    public void NanoAssembly_ContainsTheControllerCore(string ns, string name)
    {
        using var reader = new PEReader(File.OpenRead(AssemblyPath()));
        var metadata = reader.GetMetadataReader();

        var found = metadata.TypeDefinitions
            .Select(handle => metadata.GetTypeDefinition(handle))
            .Any(type => metadata.GetString(type.Namespace) == ns && metadata.GetString(type.Name) == name);

        Assert.That(found, Is.True, $"{ns}.{name} missing from the nanoFramework assembly");
    }
}
