using Accreditation.BuildingBlocks.Errors;
using Grpc.Core;
using Xunit;

namespace Accreditation.TestSupport;

/// <summary>Assertions on failed gRPC calls.</summary>
public static class GrpcAssert
{
    /// <summary>The call fails with <paramref name="code"/>; returns the failure for further checks.</summary>
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, e.StatusCode);
        return e;
    }

    /// <summary>The request field the service named as at fault ("" when none).</summary>
    public static string FieldOf(RpcException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Trailers.GetValue(ErrorTrailers.Field) ?? "";
    }
}
