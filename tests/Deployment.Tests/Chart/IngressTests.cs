using Accreditation.Deployment.Tests.Support;

namespace Accreditation.Deployment.Tests.Chart;

/// <summary>The optional edge: an Ingress with TLS, or Gateway API routes, for the gRPC APIs and the regulator's HTTP/JSON API.</summary>
public sealed class IngressTests
{
    private static readonly (string, string)[] Hosts =
    [
        ("ingress.enabled", "true"),
        ("services.enrolment.ingress.host", "hr-api.example.gov.uk"),
        ("services.regulatorReporting.httpApi.ingress.host", "regulator.example.gov.uk"),
    ];

    [Fact]
    public async Task Render_IngressKind_TlsIngressPerExposedApi()
    {
        var rendered = await Support.Chart.RenderAsync("values-phase1.yaml", [.. Hosts, ("ingress.tls.secretName", "accreditation-tls")]);
        var ingresses = rendered.OfKind("Ingress").ToList();

        Assert.Equal(["accreditation-enrolment", "accreditation-regulator-reporting-http"], ingresses.Select(i => i.Name()).Order(StringComparer.Ordinal));
        Assert.All(ingresses, ingress => Assert.Equal("accreditation-tls", (string?)ingress["spec"]!["tls"]![0]!["secretName"]));
        var grpc = ingresses.Single(i => i.Name() == "accreditation-enrolment");
        Assert.Equal("GRPC", grpc.Annotation("nginx.ingress.kubernetes.io/backend-protocol"));
        Assert.Equal(5000, (long?)grpc["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!["port"]!["number"]);
        var http = ingresses.Single(i => i.Name() == "accreditation-regulator-reporting-http");
        Assert.Null(http.Annotation("nginx.ingress.kubernetes.io/backend-protocol"));
        Assert.Equal(5002, (long?)http["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!["port"]!["number"]);
    }

    [Fact]
    public async Task Render_GatewayKind_GrpcRouteAndHttpRoute()
    {
        var rendered = await Support.Chart.RenderAsync("values-phase1.yaml", [.. Hosts, ("ingress.kind", "Gateway"), ("ingress.gateway.name", "public"), ("ingress.gateway.namespace", "gateways")]);

        var grpc = rendered.Named("GRPCRoute", "accreditation-enrolment");
        var http = rendered.Named("HTTPRoute", "accreditation-regulator-reporting-http");
        Assert.Equal("public", (string?)grpc["spec"]!["parentRefs"]![0]!["name"]);
        Assert.Equal(["hr-api.example.gov.uk"], grpc["spec"]!["hostnames"].AsValuesOf());
        Assert.Equal(5002, (long?)http["spec"]!["rules"]![0]!["backendRefs"]![0]!["port"]);
        Assert.Empty(rendered.OfKind("Ingress"));
    }

    [Fact]
    public async Task Render_IngressWithoutTls_IsRefused()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Support.Chart.RenderAsync("values-phase1.yaml", Hosts));

        Assert.Contains("ingress/tls/secretName", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Default_NoEdge()
    {
        var rendered = await Support.Chart.RenderAsync("values-phase1.yaml");

        Assert.DoesNotContain(rendered, d => (string?)d["kind"] is "Ingress" or "GRPCRoute" or "HTTPRoute");
    }
}
