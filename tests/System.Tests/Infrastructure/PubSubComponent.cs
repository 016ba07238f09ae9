namespace Accreditation.System.Tests.Infrastructure;

/// <summary>
/// Writes the resources folder every sidecar of the system reads: a copy of the repository's
/// dapr/components (the pub/sub component, resiliency, ...) with pubsub.yaml pointed at the test
/// broker and given the test timings.
/// </summary>
public static class PubSubComponent
{
    public const string SourceFolder = "dapr/components";
    public const string SourceFile = SourceFolder + "/pubsub.yaml";

    public static string WriteResourcesFolder(RepositoryLayout layout, string folder, string brokerAddress, SidecarTimings timings)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(timings);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(layout.Root, SourceFolder))
                     .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        var yaml = File.ReadAllText(Path.Combine(layout.Root, SourceFile));
        yaml = ReplaceValue(yaml, "redisHost", brokerAddress);
        yaml = ReplaceValue(yaml, "processingTimeout", SidecarTimings.Go(timings.ProcessingTimeout));
        yaml = ReplaceValue(yaml, "redeliverInterval", SidecarTimings.Go(timings.RedeliverInterval));
        File.WriteAllText(Path.Combine(folder, "pubsub.yaml"), yaml);
        return folder;
    }

    /// <summary>Sets the value line that follows "- name: {name}" in a component's metadata list.</summary>
    private static string ReplaceValue(string yaml, string name, string value)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (lines[i].Trim() == $"- name: {name}" && lines[i + 1].TrimStart().StartsWith("value:", StringComparison.Ordinal))
            {
                var indent = lines[i + 1][..(lines[i + 1].Length - lines[i + 1].TrimStart().Length)];
                lines[i + 1] = $"{indent}value: \"{value}\"";
                return string.Join('\n', lines);
            }
        }

        throw new InvalidOperationException($"{SourceFile} has no metadata item {name}");
    }
}
