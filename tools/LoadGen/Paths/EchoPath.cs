using Accreditation.BuildingBlocks.Auth;
using Accreditation.LoadGen.Echo;
using Grpc.Core;

namespace Accreditation.LoadGen.Paths;

/// <summary>The baseline: a unary call of the bare echo server, with a request about the size of a small platform request and the same authorization header.</summary>
public sealed class EchoPath(PathContext context) : ILoadPath
{
    public const int PayloadBytes = 128;

    private readonly byte[] _payload = new byte[PayloadBytes];

    public string Name => "echo";

    public Task PrepareAsync(CancellationToken cancellationToken) =>
        context.Targets.EchoUrl is null
            ? throw new InvalidOperationException("the echo path needs --echo-url or --start-echo")
            : Task.CompletedTask;

    public async Task<long> CallAsync(int worker, CancellationToken cancellationToken)
    {
        var invoker = context.Channels.For(context.Targets.EchoUrl!, worker).CreateCallInvoker();
        var options = new CallOptions(context.Tokens.For(Scopes.EnrolmentHr, "E08000002"), cancellationToken: cancellationToken);
        await invoker.AsyncUnaryCall(EchoMethod.Echo, null, options, _payload);
        return 1;
    }
}
