using System.Text.Json.Nodes;
using Accreditation.Deployment.Tests.Support;

namespace Accreditation.Deployment.Tests.Chart;

/// <summary>Every service Deployment: probes, security, identity, Dapr annotations and tokens, availability.</summary>
public sealed class DeploymentSpecTests
{
    public static TheoryData<string> Phases => new(Support.Chart.PhaseValuesFiles);

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Deployments_Probes_LivenessWithoutDependenciesReadinessWithTheStore(string phase)
    {
        var rendered = await Support.Chart.RenderAsync(phase);

        Assert.All(rendered.OfKind("Deployment"), deployment =>
        {
            var container = deployment.Containers().Single();
            var grpcPort = (long)container["ports"].Items().Single(p => (string?)p["name"] == "grpc")["containerPort"]!;
            AssertGrpcProbe(container["livenessProbe"], grpcPort, "liveness");
            AssertGrpcProbe(container["startupProbe"], grpcPort, "liveness");
            AssertGrpcProbe(container["readinessProbe"], grpcPort, "readiness");
        });
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Workloads_SecurityContext_NonRootReadOnlyNoCapabilitiesRuntimeDefaultSeccomp(string phase)
    {
        var rendered = await Support.Chart.RenderAsync(phase);
        var workloads = rendered.Where(d => (string?)d["kind"] is "Deployment" or "StatefulSet" or "Pod").ToList();

        Assert.All(workloads, workload =>
        {
            var pod = workload.PodTemplate()["spec"]!;
            Assert.True((bool?)pod["securityContext"]!["runAsNonRoot"], workload.Name());
            Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
            Assert.False((bool?)pod["automountServiceAccountToken"], workload.Name());
            Assert.All(workload.Containers(), container =>
            {
                var security = container["securityContext"]!;
                Assert.True((bool?)security["runAsNonRoot"], workload.Name());
                Assert.True((bool?)security["readOnlyRootFilesystem"], workload.Name());
                Assert.False((bool?)security["allowPrivilegeEscalation"], workload.Name());
                Assert.Equal(["ALL"], security["capabilities"]!["drop"].AsValuesOf());
            });
        });
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Deployments_ServiceAccount_OwnAccountWithoutToken(string phase)
    {
        var rendered = await Support.Chart.RenderAsync(phase);
        var deployments = rendered.OfKind("Deployment").ToList();

        Assert.Equal(deployments.Count, deployments.Select(d => (string?)d.PodTemplate()["spec"]!["serviceAccountName"]).Distinct().Count());
        Assert.All(deployments, deployment =>
        {
            var account = rendered.Named("ServiceAccount", (string)deployment.PodTemplate()["spec"]!["serviceAccountName"]!);
            Assert.False((bool?)account["automountServiceAccountToken"]);
        });
        Assert.All(rendered.OfKind("ServiceAccount"), account => Assert.False((bool?)account["automountServiceAccountToken"], account.Name()));
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Deployments_DaprAnnotations_AppIdPortConfigTokensAndSidecarResources(string phase)
    {
        var rendered = await Support.Chart.RenderAsync(phase);
        var tokens = rendered.Named("Secret", "accreditation-dapr-tokens");

        Assert.Equal("keep", tokens.Annotation("helm.sh/resource-policy"));
        Assert.NotNull(tokens["data"]!["app-token"]);
        Assert.NotNull(tokens["data"]!["dapr-api-token"]);
        Assert.All(rendered.OfKind("Deployment"), deployment =>
        {
            var pod = deployment.PodTemplate();
            var container = deployment.Containers().Single();
            Assert.Equal("true", pod.Annotation("dapr.io/enabled"));
            Assert.Equal(AppIdInValues(deployment.Label("app.kubernetes.io/component")!), pod.Annotation("dapr.io/app-id"));
            Assert.Equal((string?)container.Env("Service__AppPort")!["value"], pod.Annotation("dapr.io/app-port"));
            Assert.Equal("127.0.0.1", (string?)container.Env("Service__AppBindAddress")!["value"]);
            Assert.Equal("accreditation", pod.Annotation("dapr.io/config"));
            Assert.Equal(tokens.Name(), pod.Annotation("dapr.io/app-token-secret"));
            Assert.Equal(tokens.Name(), pod.Annotation("dapr.io/api-token-secret"));
            AssertSecretEnv(container, "APP_API_TOKEN", tokens.Name(), "app-token");
            AssertSecretEnv(container, "DAPR_API_TOKEN", tokens.Name(), "dapr-api-token");
            Assert.NotNull(pod.Annotation("dapr.io/sidecar-cpu-request"));
            Assert.NotNull(pod.Annotation("dapr.io/sidecar-memory-request"));
            Assert.NotNull(pod.Annotation("dapr.io/sidecar-memory-limit"));
            Assert.NotNull(container["resources"]!["requests"]!["cpu"]);
            Assert.NotNull(container["resources"]!["limits"]!["memory"]);
        });
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Deployments_Availability_AutoscalerDisruptionBudgetAndSpread(string phase)
    {
        var rendered = await Support.Chart.RenderAsync(phase);

        Assert.All(rendered.OfKind("Deployment"), deployment =>
        {
            var autoscaler = rendered.Named("HorizontalPodAutoscaler", deployment.Name());
            Assert.Equal(deployment.Name(), (string?)autoscaler["spec"]!["scaleTargetRef"]!["name"]);
            Assert.Null(deployment["spec"]!["replicas"]);
            Assert.InRange((long)autoscaler["spec"]!["minReplicas"]!, 2, (long)autoscaler["spec"]!["maxReplicas"]!);
            var budget = rendered.Named("PodDisruptionBudget", deployment.Name());
            Assert.Equal(1, (long?)budget["spec"]!["maxUnavailable"]);
            Assert.Equal(deployment["spec"]!["selector"]!["matchLabels"]!.ToJsonString(), budget["spec"]!["selector"]!["matchLabels"]!.ToJsonString());
            var spread = deployment.PodTemplate()["spec"]!["topologySpreadConstraints"].Items().Select(c => (string?)c["topologyKey"]);
            Assert.Equal(["topology.kubernetes.io/zone", "kubernetes.io/hostname"], spread);
        });
    }

    [Fact]
    public async Task Render_AutoscalingOff_DeploymentKeepsItsReplicas()
    {
        var rendered = await Support.Chart.RenderAsync("values-phase1.yaml", ("services.testing.autoscaling.enabled", "false"));

        Assert.Equal(2, (long?)rendered.Named("Deployment", "accreditation-testing")["spec"]!["replicas"]);
        Assert.DoesNotContain(rendered.OfKind("HorizontalPodAutoscaler"), h => h.Name() == "accreditation-testing");
    }

    [Fact]
    public async Task Render_ServiceDisabled_LeavesNothingOfIt()
    {
        var rendered = await Support.Chart.RenderAsync("values-phase1.yaml", ("services.observation.enabled", "false"));

        Assert.DoesNotContain(rendered, d => d.Label("app.kubernetes.io/component") is "observation" or "observation-redis");
        Assert.Contains(rendered, d => d.Label("app.kubernetes.io/component") == "testing");
    }

    /// <summary>The appId of the values block whose component name (kebab-case key) is <paramref name="component"/>.</summary>
    private static string? AppIdInValues(string component) =>
        YamlJson.ParseFile("charts", "accreditation", "values.yaml")["services"]!.AsObject()
            .Single(block => new ServiceProject(char.ToUpperInvariant(block.Key[0]) + block.Key[1..], "").Component == component)
            .Value!["appId"]!.ToString();

    private static void AssertGrpcProbe(JsonNode? probe, long port, string service)
    {
        Assert.NotNull(probe);
        Assert.Equal(port, (long?)probe["grpc"]!["port"]);
        Assert.Equal(service, (string?)probe["grpc"]!["service"]);
    }

    private static void AssertSecretEnv(JsonObject container, string variable, string secret, string key)
    {
        var reference = container.Env(variable)?["valueFrom"]?["secretKeyRef"];
        Assert.NotNull(reference);
        Assert.Equal(secret, (string?)reference["name"]);
        Assert.Equal(key, (string?)reference["key"]);
    }
}
