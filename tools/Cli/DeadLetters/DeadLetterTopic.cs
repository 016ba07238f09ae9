namespace Accreditation.Cli.DeadLetters;

/// <summary>
/// Names of per-subscriber dead-letter topics: <c>&lt;app-id&gt;.&lt;topic&gt;.deadletter</c>, for example
/// <c>testing.enrolment.candidate-endorsed.deadletter</c>. Dapr app ids contain no dots, so the app is
/// the name up to its first dot and the topic the rest before the suffix.
/// </summary>
public static class DeadLetterTopic
{
    public const string Suffix = ".deadletter";

    public static string For(string app, string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(app);
        ArgumentException.ThrowIfNullOrEmpty(topic);
        if (app.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"app id '{app}' contains a dot; Dapr app ids cannot", nameof(app));
        }

        return $"{app}.{topic}{Suffix}";
    }

    /// <summary>The app and topic of a dead-letter topic's name; false when the name is not one.</summary>
    public static bool TryParse(string name, out string app, out string topic)
    {
        ArgumentNullException.ThrowIfNull(name);
        app = topic = "";
        if (!name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var stem = name[..^Suffix.Length];
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == stem.Length - 1)
        {
            return false;
        }

        app = stem[..dot];
        topic = stem[(dot + 1)..];
        return true;
    }
}
