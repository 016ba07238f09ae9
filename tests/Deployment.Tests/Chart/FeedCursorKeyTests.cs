using Accreditation.Deployment.Tests.Support;

namespace Accreditation.Deployment.Tests.Chart;

/// <summary>Reporting signs the regulator's change-feed cursors with a key from the chart's Secret, never a value in the manifests.</summary>
public sealed class FeedCursorKeyTests
{
    [Theory]
    [MemberData(nameof(Phases))]
    public async Task ReportingDeployment_CursorKey_FromTheKeptSecretOnly(string valuesFile)
    {
        var rendered = await Support.Chart.RenderAsync(valuesFile);

        var reporting = rendered.OfKind("Deployment").Single(d => d.Label("app.kubernetes.io/component") == "regulator-reporting" || d.Name().EndsWith("regulator-reporting", StringComparison.Ordinal));
        var key = reporting.Containers().First().Env("Reporting__Feed__CursorKey");
        Assert.NotNull(key);
        Assert.Null(key!["value"]);
        var secretRef = key["valueFrom"]!["secretKeyRef"]!;
        Assert.Equal("feed-cursor-key", (string?)secretRef["key"]);
        var secret = rendered.OfKind("Secret").Single(s => s.Name() == (string?)secretRef["name"]);
        Assert.NotNull(secret["data"]!["feed-cursor-key"]);
        Assert.Equal("keep", secret.Annotation("helm.sh/resource-policy"));
        Assert.All(rendered.OfKind("Deployment").Where(d => !ReferenceEquals(d, reporting)), d => Assert.Null(d.Containers().First().Env("Reporting__Feed__CursorKey")));
    }

    public static TheoryData<string> Phases => new() { "values-phase1.yaml", "values-phase2.yaml", "values-national.yaml" };
}
