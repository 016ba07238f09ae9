namespace Accreditation.Sidecar.Components;

/// <summary>
/// Pub/sub topic scoping of one component for one app, read from the component's metadata exactly
/// as daprd reads it (pkg/scopes and IsOperationAllowed in dapr/dapr):
/// <list type="bullet">
/// <item><c>publishingScopes</c> / <c>subscriptionScopes</c>: "app1=topic1;app2=topic2,topic3;app3=" —
/// semicolon-separated entries, each an app id, "=", and a comma-separated topic list. An app named
/// there may use only its topics (none for "app3="); an app not named is unrestricted. An app named
/// in several entries gets the union. Spaces are removed; entries without "=" are ignored.</item>
/// <item><c>allowedTopics</c>: comma list; when set, no app may use any other topic.</item>
/// <item><c>protectedTopics</c>: comma list; such a topic needs an explicit scope entry for the app.</item>
/// </list>
/// Metadata names match case-insensitively; topic names and app ids do not.
/// </summary>
public sealed class TopicScopes
{
    public const string PublishingScopesKey = "publishingScopes";
    public const string SubscriptionScopesKey = "subscriptionScopes";
    public const string AllowedTopicsKey = "allowedTopics";
    public const string ProtectedTopicsKey = "protectedTopics";

    private readonly IReadOnlyList<string> _publishing;
    private readonly IReadOnlyList<string> _subscribing;
    private readonly IReadOnlyList<string> _allowed;
    private readonly IReadOnlyList<string> _protected;

    private TopicScopes(IReadOnlyList<string> publishing, IReadOnlyList<string> subscribing, IReadOnlyList<string> allowed, IReadOnlyList<string> protectedTopics)
    {
        _publishing = publishing;
        _subscribing = subscribing;
        _allowed = allowed;
        _protected = protectedTopics;
    }

    /// <summary>No scoping metadata: every topic may be published and subscribed.</summary>
    public static TopicScopes Unrestricted { get; } = new([], [], [], []);

    /// <summary>The scopes <paramref name="metadata"/> gives app <paramref name="appId"/>.</summary>
    public static TopicScopes For(IReadOnlyDictionary<string, string> metadata, string appId)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(appId);
        return new TopicScopes(
            ScopedTopics(Find(metadata, PublishingScopesKey), appId),
            ScopedTopics(Find(metadata, SubscriptionScopesKey), appId),
            TopicList(Find(metadata, AllowedTopicsKey)),
            TopicList(Find(metadata, ProtectedTopicsKey)));
    }

    /// <summary>Whether the app may publish to <paramref name="topic"/> (dead letters included, as in daprd).</summary>
    public bool MayPublish(string topic) => IsAllowed(topic, _publishing);

    /// <summary>Whether the app may subscribe to <paramref name="topic"/>.</summary>
    public bool MaySubscribe(string topic) => IsAllowed(topic, _subscribing);

    private bool IsAllowed(string topic, IReadOnlyList<string> scoped)
    {
        if (_allowed.Count > 0 && !_allowed.Contains(topic, StringComparer.Ordinal))
        {
            return false;
        }

        var isProtected = _protected.Contains(topic, StringComparer.Ordinal);
        return (!isProtected && scoped.Count == 0) || scoped.Contains(topic, StringComparer.Ordinal);
    }

    private static string? Find(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static List<string> ScopedTopics(string? value, string appId)
    {
        var topics = new List<string>();
        if (string.IsNullOrEmpty(value))
        {
            return topics;
        }

        foreach (var entry in value.Replace(" ", "", StringComparison.Ordinal).Split(';'))
        {
            var parts = entry.Split('=');
            if (parts.Length < 2 || parts[0] != appId)
            {
                continue;
            }

            foreach (var topic in parts[1].Split(','))
            {
                if (!topics.Contains(topic, StringComparer.Ordinal))
                {
                    topics.Add(topic);
                }
            }
        }

        return topics;
    }

    private static List<string> TopicList(string? value) =>
        string.IsNullOrEmpty(value)
            ? []
            : value.Replace(" ", "", StringComparison.Ordinal).Split(',').Distinct(StringComparer.Ordinal).ToList();
}
