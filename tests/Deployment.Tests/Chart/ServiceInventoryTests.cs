using System.Text.Json.Nodes;
using System.Xml.Linq;
using Accreditation.Contracts;
using Accreditation.Deployment.Tests.Support;

namespace Accreditation.Deployment.Tests.Chart;

/// <summary>
/// Every service of the solution (found from Accreditation.sln and services/, not listed here) has
/// a values block, a Deployment, a Service exposing only its API, an image recipe and a skaffold
/// artifact.
/// </summary>
public sealed class ServiceInventoryTests
{
    public static TheoryData<string> Services => SolutionServices.Folders();

    [Fact]
    public void Solution_Services_AreFoundFromTheSolution()
    {
        Assert.Subset(SolutionServices.All.Select(s => s.Folder).ToHashSet(), new HashSet<string> { "Enrolment", "Testing", "Observation" });
        Assert.DoesNotContain(SolutionServices.All, s => s.Folder is "BuildingBlocks" or "Contracts" or "AssessmentRules");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Values_EveryService_HasAnEnabledBlockWithAnImage(string folder)
    {
        var service = SolutionServices.Get(folder);
        var block = YamlJson.ParseFile("charts", "accreditation", "values.yaml")["services"]![service.ValuesKey];

        Assert.NotNull(block);
        Assert.True((bool?)block["enabled"], $"services.{service.ValuesKey}.enabled");
        Assert.Equal($"accreditation/{service.Component}", (string?)block["image"]!["repository"]);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Render_EveryService_HasADeploymentAndAServiceExposingOnlyItsApi(string folder)
    {
        var service = SolutionServices.Get(folder);
        foreach (var phase in Support.Chart.PhaseValuesFiles)
        {
            var rendered = await Support.Chart.RenderAsync(phase);
            var deployment = rendered.Named("Deployment", service.ResourceName);
            var kubeService = rendered.Named("Service", service.ResourceName);
            var block = ValuesBlock(service);
            var expectedPorts = new List<long> { (long)block["grpcPort"]! };
            if ((long?)block["httpApiPort"] is > 0 and var http)
            {
                expectedPorts.Add(http);
            }

            var ports = kubeService["spec"]!["ports"].Items().ToList();
            Assert.Equal(expectedPorts, ports.Select(p => (long)p["port"]!));
            Assert.Equal("grpc", (string?)ports[0]["appProtocol"]);
            Assert.DoesNotContain(ports, p => (long)p["port"]! == (long)block["appPort"]!);
            Assert.All(ports, p => Assert.Contains((string)p["targetPort"]!, deployment.Containers().Single()["ports"].Items().Select(c => (string)c["name"]!)));
            Assert.Equal(deployment["spec"]!["selector"]!["matchLabels"]!.ToJsonString(), kubeService["spec"]!["selector"]!.ToJsonString());
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Dockerfile_EveryService_BuildsWithTheSharedRecipe(string folder)
    {
        var service = SolutionServices.Get(folder);
        var dockerfile = File.ReadAllText(Repository.PathOf("services", "Dockerfile"));
        var references = XDocument.Load(Repository.PathOf("services", folder, folder + ".csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileName(Path.GetDirectoryName(r.Attribute("Include")!.Value.Replace('\\', '/'))!));

        Assert.Equal("Accreditation." + folder, service.AssemblyName);
        Assert.Contains("SERVICE_ASSEMBLY=Accreditation.${SERVICE}.dll", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY services/${SERVICE}/ services/${SERVICE}/", dockerfile, StringComparison.Ordinal);
        Assert.All(references, project => Assert.Contains($"COPY services/{project}/ services/{project}/", dockerfile, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Skaffold_EveryService_HasAnArtifactAndItsImageValues(string folder)
    {
        var service = SolutionServices.Get(folder);
        var skaffold = YamlJson.ParseFile("skaffold.yaml");
        var image = $"accreditation/{service.Component}";
        var artifact = skaffold["build"]!["artifacts"].Items().SingleOrDefault(a => (string?)a["image"] == image);
        var templates = skaffold["manifests"]!["helm"]!["releases"]![0]!["setValueTemplates"]!;
        var variable = image.Replace('/', '_').Replace('-', '_');

        Assert.NotNull(artifact);
        Assert.Equal(".", (string?)artifact["context"]);
        Assert.Equal("services/Dockerfile", (string?)artifact["docker"]!["dockerfile"]);
        Assert.Equal(folder, (string?)artifact["docker"]!["buildArgs"]!["SERVICE"]);
        Assert.Equal($"{{{{.IMAGE_REPO_{variable}}}}}", (string?)templates[$"services.{service.ValuesKey}.image.repository"]);
        Assert.Equal($"{{{{.IMAGE_TAG_{variable}}}}}", (string?)templates[$"services.{service.ValuesKey}.image.tag"]);
        Assert.Equal($"{{{{.IMAGE_DIGEST_{variable}}}}}", (string?)templates[$"services.{service.ValuesKey}.image.digest"]);
    }

    [Fact]
    public async Task Render_AppIds_EqualTheContractsAppIds()
    {
        var rendered = await Support.Chart.RenderAsync("values-phase1.yaml");
        var appIds = rendered.OfKind("Deployment").Select(d => d.PodTemplate().Annotation("dapr.io/app-id"));

        Assert.Equal(AppIds.All.Order(StringComparer.Ordinal), appIds.Order(StringComparer.Ordinal));
    }

    private static JsonNode ValuesBlock(ServiceProject service) =>
        YamlJson.ParseFile("charts", "accreditation", "values.yaml")["services"]![service.ValuesKey]!;
}
