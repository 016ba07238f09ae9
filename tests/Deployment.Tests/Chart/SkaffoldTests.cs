using Accreditation.Deployment.Tests.Support;

namespace Accreditation.Deployment.Tests.Chart;

/// <summary>skaffold.yaml: v4 schema, Helm deploy of the chart, a profile per phase and one for local development.</summary>
public sealed class SkaffoldTests
{
    [Fact]
    public void Skaffold_Config_V4HelmDeployOfTheChart()
    {
        var skaffold = YamlJson.ParseFile("skaffold.yaml");
        var release = skaffold["manifests"]!["helm"]!["releases"]![0]!;

        Assert.StartsWith("skaffold/v4", (string?)skaffold["apiVersion"], StringComparison.Ordinal);
        Assert.NotNull(skaffold["deploy"]!["helm"]);
        Assert.Equal("charts/accreditation", (string?)release["chartPath"]);
        Assert.Equal("{{.ACCREDITATION_OIDC_AUTHORITY}}", (string?)release["setValueTemplates"]!["auth.authority"]);
    }

    [Theory]
    [InlineData("phase1", "values-phase1.yaml", "accreditation-phase1")]
    [InlineData("phase2", "values-phase2.yaml", "accreditation-phase2")]
    [InlineData("national", "values-national.yaml", "accreditation-national")]
    [InlineData("local", "values-phase1.yaml", "accreditation-dev")]
    public void Skaffold_Profile_UsesThePhasesValuesAndNamespace(string profile, string valuesFile, string ns)
    {
        var patches = Profile(profile)["patches"].Items().ToList();

        Assert.Contains(patches, p => (string?)p["path"] == "/manifests/helm/releases/0/valuesFiles/0" && (string?)p["value"] == "charts/accreditation/" + valuesFile);
        Assert.Contains(patches, p => (string?)p["path"] == "/manifests/helm/releases/0/namespace" && (string?)p["value"] == ns);
        Assert.True(File.Exists(Support.Chart.ValuesFile(valuesFile)));
    }

    [Fact]
    public void Skaffold_LocalProfile_ForwardsEveryServicesApi()
    {
        var forwards = Profile("local")["portForward"].Items().ToList();

        Assert.All(SolutionServices.All, service =>
            Assert.Contains(forwards, f => (string?)f["resourceType"] == "service" && (string?)f["resourceName"] == service.ResourceName && (long?)f["port"] == 5000));
        Assert.Equal(forwards.Count, forwards.Select(f => (long)f["localPort"]!).Distinct().Count());
        Assert.Contains(Profile("local")["patches"].Items(), p => (string?)p["path"] == "/build/local" && (bool?)p["value"]!["push"] == false);
    }

    private static System.Text.Json.Nodes.JsonObject Profile(string name) =>
        YamlJson.ParseFile("skaffold.yaml")["profiles"].Items().Single(p => (string?)p["name"] == name);
}
