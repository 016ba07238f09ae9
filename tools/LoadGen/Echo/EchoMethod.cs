using Grpc.Core;

namespace Accreditation.LoadGen.Echo;

/// <summary>
/// The echo baseline's one gRPC method, unary, over raw bytes: the marshallers copy nothing and
/// parse nothing, so the server does the least a gRPC call can (HTTP/2 framing, routing, headers).
/// </summary>
public static class EchoMethod
{
    public const string ServiceName = "accreditation.loadgen.v1.Echo";

    public static readonly Marshaller<byte[]> Bytes = Marshallers.Create(static bytes => bytes, static bytes => bytes);

    public static readonly Method<byte[], byte[]> Echo = new(MethodType.Unary, ServiceName, "Echo", Bytes, Bytes);
}
