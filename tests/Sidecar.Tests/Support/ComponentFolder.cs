using System.Text;
using Accreditation.TestSupport;

namespace Accreditation.Sidecar.Tests.Support;

/// <summary>A temporary resources folder with one pubsub.redis component (and optionally a Resiliency file), deleted on dispose.</summary>
public sealed class ComponentFolder : IDisposable
{
    private readonly DirectoryInfo _directory;

    private ComponentFolder(DirectoryInfo directory) => _directory = directory;

    public string Path => _directory.FullName;

    /// <summary>Writes component <paramref name="name"/> pointing at the fixture's Redis, with extra metadata.</summary>
    public static ComponentFolder Create(RedisFixture redis, IReadOnlyDictionary<string, string> metadata, string name = "pubsub", string? resiliencyYaml = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(metadata);
        var directory = Directory.CreateTempSubdirectory("sidecar-components-");
        var yaml = new StringBuilder($"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {name}
            spec:
              type: pubsub.redis
              version: v1
              metadata:
              - name: redisHost
                value: '{redis.ConnectionString}'

            """);
        foreach (var (key, value) in metadata)
        {
            yaml.Append("  - name: ").Append(key).Append('\n')
                .Append("    value: '").Append(value.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        }

        File.WriteAllText(System.IO.Path.Combine(directory.FullName, "pubsub.yaml"), yaml.ToString());
        if (resiliencyYaml is not null)
        {
            File.WriteAllText(System.IO.Path.Combine(directory.FullName, "resiliency.yaml"), resiliencyYaml);
        }

        return new ComponentFolder(directory);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
