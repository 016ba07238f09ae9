using System.Text.Json.Nodes;

namespace Accreditation.Deployment.Tests.Support.Network;

/// <summary>Kubernetes label selector semantics: matchLabels and matchExpressions, all must hold; empty selects everything.</summary>
public static class LabelSelector
{
    public static bool Matches(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return true;
        }

        foreach (var (key, value) in selector["matchLabels"]?.AsObject() ?? [])
        {
            if (!labels.TryGetValue(key, out var actual) || actual != (string?)value)
            {
                return false;
            }
        }

        foreach (var expression in selector["matchExpressions"].Items())
        {
            var key = (string)expression["key"]!;
            var values = expression["values"]?.AsArray().Select(v => (string?)v).ToList() ?? [];
            var present = labels.TryGetValue(key, out var actual);
            var holds = (string?)expression["operator"] switch
            {
                "In" => present && values.Contains(actual),
                "NotIn" => !present || !values.Contains(actual),
                "Exists" => present,
                "DoesNotExist" => !present,
                var other => throw new InvalidOperationException($"unknown selector operator {other}"),
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }
}
