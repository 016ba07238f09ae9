using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Accreditation.Deployment.Tests.Support;

/// <summary>
/// The chart rendered by real helm (helm template) for a phase's values file, parsed as JSON nodes.
/// Renders are cached per argument list: each costs a helm process, and many tests read the same one.
/// </summary>
public static class Chart
{
    public const string Authority = "https://login.example.gov.uk";
    public const string Namespace = "accreditation";
    public const string ClientNamespace = "council-gateway";

    public static readonly IReadOnlyList<string> PhaseValuesFiles = ["values-phase1.yaml", "values-phase2.yaml", "values-national.yaml"];

    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<JsonObject>>>> Renders = new();

    public static string ValuesFile(string name) => Repository.PathOf("charts", "accreditation", name);

    /// <summary>The phase's values with an https authority and one client namespace, plus <paramref name="set"/>.</summary>
    public static Task<IReadOnlyList<JsonObject>> RenderAsync(string valuesFile, params (string Key, string Value)[] set)
    {
        var values = new Dictionary<string, string>
        {
            ["auth.authority"] = Authority,
            ["networkPolicy.apiClientNamespaces[0]"] = ClientNamespace,
        };
        foreach (var (key, value) in set)
        {
            values[key] = value;
        }

        var cacheKey = valuesFile + "|" + string.Join("|", values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        return Renders.GetOrAdd(cacheKey, _ => new Lazy<Task<IReadOnlyList<JsonObject>>>(async () =>
            YamlJson.ParseDocuments(await Helm.TemplateAsync([ValuesFile(valuesFile)], values, Namespace)))).Value;
    }

    public static IEnumerable<JsonObject> OfKind(this IEnumerable<JsonObject> documents, string kind) =>
        documents.Where(d => (string?)d["kind"] == kind);

    public static JsonObject Named(this IEnumerable<JsonObject> documents, string kind, string name) =>
        documents.OfKind(kind).Single(d => (string?)d["metadata"]?["name"] == name);

    public static string Name(this JsonNode document) => (string)document["metadata"]!["name"]!;

    public static string? Label(this JsonNode? metadataOwner, string label) => (string?)metadataOwner?["metadata"]?["labels"]?[label];

    public static string? Annotation(this JsonNode? metadataOwner, string annotation) => (string?)metadataOwner?["metadata"]?["annotations"]?[annotation];

    /// <summary>spec.template of a workload (the Pod itself for a Pod).</summary>
    public static JsonObject PodTemplate(this JsonObject workload) =>
        (string?)workload["kind"] == "Pod" ? workload : (JsonObject)workload["spec"]!["template"]!;

    public static IEnumerable<JsonObject> Containers(this JsonObject workload) =>
        workload.PodTemplate()["spec"]!["containers"]!.AsArray().Cast<JsonObject>();

    public static IEnumerable<JsonObject> Items(this JsonNode? array) =>
        array?.AsArray().OfType<JsonObject>() ?? [];

    /// <summary>The string values of a JSON array.</summary>
    public static IReadOnlyList<string> AsValuesOf(this JsonNode? array) =>
        array?.AsArray().Select(v => v!.ToString()).ToList() ?? [];

    /// <summary>The container's env entry named <paramref name="name"/>, or null.</summary>
    public static JsonObject? Env(this JsonObject container, string name) =>
        container["env"].Items().SingleOrDefault(e => (string?)e["name"] == name);
}
