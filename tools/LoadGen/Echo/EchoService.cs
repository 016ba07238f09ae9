using Grpc.Core;

namespace Accreditation.LoadGen.Echo;

/// <summary>The echo service: answers each request with its own bytes.</summary>
[BindServiceMethod(typeof(EchoService), nameof(BindService))]
public class EchoService
{
    /// <summary>
    /// Grpc.AspNetCore calls the method named as the gRPC method (Echo) on a service it activates per
    /// call, and accepts only a virtual method declared by the type the attribute names, as generated
    /// bases declare them.
    /// </summary>
    public virtual Task<byte[]> Echo(byte[] request, ServerCallContext context) => Task.FromResult(request);

    /// <summary>Binds the method as generated code would (Grpc.AspNetCore finds it by the attribute; the instance is null while binding).</summary>
    public static void BindService(ServiceBinderBase binder, EchoService? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(EchoMethod.Echo, service is null ? null : service.Echo);
    }
}
