namespace Accreditation.Sidecar.Components;

/// <summary>Reads the *.yaml / *.yml files of a resources folder (not recursive, as daprd reads it).</summary>
public static class ResourceFolder
{
    public static ResourceSet Load(string path, string appId)
    {
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"resources path '{path}' does not exist");
        }

        var files = Directory.EnumerateFiles(path)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f)));
        return ComponentReader.Read(files, appId);
    }
}
