namespace Accreditation.BuildingBlocks.Hosting;

/// <summary>The two Kestrel endpoints of a service process. Section "Service".</summary>
public sealed class ServiceHostOptions
{
    public const string SectionName = "Service";

    /// <summary>Public gRPC API, HTTP/2 (h2c). The port Kubernetes exposes.</summary>
    public int GrpcPort { get; set; } = 5000;

    /// <summary>Internal HTTP/1.1 port for the Dapr sidecar only (Dapr's app-port) and health.</summary>
    public int AppPort { get; set; } = 5001;

    /// <summary>
    /// Public HTTP/1.1 port for the same API as HTTP/JSON (gRPC JSON transcoding) and plain HTTP
    /// downloads; 0 (the default): none. Cleartext h2c and HTTP/1.1 cannot share one port.
    /// </summary>
    public int HttpApiPort { get; set; }

    /// <summary>Address the public endpoints (gRPC, HTTP API) bind to: 0.0.0.0 in a pod, 127.0.0.1 for local runs and tests.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// Address the sidecar's app port binds to. The sidecar shares the pod's network namespace, so
    /// loopback is enough and nothing else in the cluster can reach the port.
    /// </summary>
    public string AppBindAddress { get; set; } = "127.0.0.1";

    /// <summary>gRPC server reflection, for operators' tools (grpcurl). Null: on in Development only.</summary>
    public bool? EnableReflection { get; set; }
}
