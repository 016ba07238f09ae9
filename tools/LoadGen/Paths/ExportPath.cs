using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Reporting.V1;
using Grpc.Core;

namespace Accreditation.LoadGen.Paths;

/// <summary>The regulator's ExportRegister, read to its end: a request is a whole export, its units the records it brought (records/s).</summary>
public sealed class ExportPath(PathContext context) : ILoadPath
{
    public string Name => "export";

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<long> CallAsync(int worker, CancellationToken cancellationToken)
    {
        var client = new RegulatorService.RegulatorServiceClient(context.Channels.For(context.Targets.ReportingUrl, worker));
        using var call = client.ExportRegister(
            new ExportRegisterRequest(),
            new CallOptions(context.Tokens.For(Scopes.Regulator), cancellationToken: cancellationToken));
        long records = 0;
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            records += call.ResponseStream.Current.Entries.Count;
        }

        return records;
    }
}
