using DetectorDaq.Interfaces.Loading;
using DetectorDaq.Interfaces.Rendering;

// Usage: DetectorDaq.Interfaces.Generator [--check] [--root DIR]
//   writes every generated file, or with --check lists stale ones and exits 1.
var check = args.Contains("--check");
var rootIndex = Array.IndexOf(args, "--root");
var root = rootIndex >= 0 && rootIndex + 1 < args.Length ? Path.GetFullPath(args[rootIndex + 1]) : GeneratedFileSet.FindRepositoryRoot(Environment.CurrentDirectory);

IReadOnlyDictionary<string, string> files;
try
{
    files = GeneratedFileSet.Render(root);
}
catch (InterfaceDefinitionException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 2;
}

var stale = new List<string>();
foreach (var (relativePath, content) in files)
{
    var path = Path.Combine(root, relativePath);
    if (File.Exists(path) && File.ReadAllText(path) == content)
    {
        continue;
    }

    stale.Add(relativePath);
    if (!check)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}

foreach (var directory in GeneratedFileSet.OwnedDirectories.Select(d => Path.Combine(root, d)).Where(Directory.Exists))
{
    foreach (var orphan in Directory.GetFiles(directory).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Where(f => !files.ContainsKey(f)))
    {
        stale.Add(orphan + " (no longer generated)");
        if (!check)
        {
            File.Delete(Path.Combine(root, orphan));
        }
    }
}

foreach (var path in stale)
{
    Console.WriteLine((check ? "stale: " : "wrote: ") + path);
}

Console.WriteLine($"{files.Count} generated files, {stale.Count} {(check ? "stale" : "updated")}");
return check && stale.Count > 0 ? 1 : 0;
