using Accreditation.Deployment.Tests.Support;

namespace Accreditation.Deployment.Tests.Chart;

/// <summary>`helm test` asks every service's gRPC health (liveness and readiness) from inside the cluster.</summary>
public sealed class HelmTestHookTests
{
    [Fact]
    public async Task TestHook_Pod_ChecksEveryServicesGrpcHealth()
    {
        var rendered = await Support.Chart.RenderAsync("values-national.yaml");
        var pod = rendered.Named("Pod", "accreditation-grpc-health");
        var container = pod.Containers().Single();
        var targets = ((string)container.Env("TARGETS")!["value"]!).Split(' ');
        var script = string.Join('\n', container["command"].AsValuesOf());

        Assert.Equal("test", pod.Annotation("helm.sh/hook"));
        Assert.Equal("helm-test", pod.Label("app.kubernetes.io/component"));
        Assert.Equal("Never", (string?)pod["spec"]!["restartPolicy"]);
        Assert.Equal(
            rendered.OfKind("Service").Where(s => s["spec"]!["ports"].Items().Any(p => (string?)p["name"] == "grpc"))
                .Select(s => $"{s.Name()}.{Support.Chart.Namespace}.svc:{s["spec"]!["ports"]![0]!["port"]}").Order(StringComparer.Ordinal),
            targets.Order(StringComparer.Ordinal));
        Assert.Contains("for check in liveness readiness", script, StringComparison.Ordinal);
        Assert.Contains("grpc.health.v1.Health/Check", script, StringComparison.Ordinal);
        Assert.Contains("exit $failed", script, StringComparison.Ordinal);
        var proto = rendered.Named("ConfigMap", "accreditation-health-proto");
        Assert.Equal("test", proto.Annotation("helm.sh/hook"));
        Assert.Contains("package grpc.health.v1;", (string)proto["data"]!["health.proto"]!, StringComparison.Ordinal);
    }
}
