using Grpc.Core;

namespace Accreditation.Cli.Simulation;

/// <summary>Asks again, with a growing pause, while the platform answers "not yet" (FAILED_PRECONDITION that will clear by itself).</summary>
public static class Retry
{
    public static async Task<T> WhileNotYetAsync<T>(Func<Task<T>> call, Func<RpcException, bool> notYet, TimeSpan patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(notYet);
        var deadline = DateTime.UtcNow + patience;
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (notYet(e) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 1000));
            }
        }
    }
}
