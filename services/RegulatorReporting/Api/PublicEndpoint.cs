using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace Accreditation.RegulatorReporting.Api;

/// <summary>
/// Marks a plain HTTP endpoint (CSV downloads, the OpenAPI document) as part of the public API:
/// the platform's port separation serves endpoints with gRPC method metadata on the public port
/// and everything else on the sidecar's app port only. The pseudo-method is server-streaming so
/// the shared unary-body check leaves these endpoints alone. A BuildingBlocks marker for public
/// HTTP endpoints would replace this.
/// </summary>
public static class PublicEndpoint
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static GrpcMethodMetadata Metadata(string name) =>
        new(typeof(RegulatorGrpcService), new Method<byte[], byte[]>(MethodType.ServerStreaming, "accreditation.reporting.v1.RegulatorHttp", name, Bytes, Bytes));
}
