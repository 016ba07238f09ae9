using Accreditation.BuildingBlocks.Auth;
using Accreditation.Contracts.Enrolment.V1;
using Accreditation.TestSupport;

namespace Accreditation.Enrolment.Tests.Api;

/// <summary>The real Enrolment host (see <see cref="ServiceTestHost"/>) with council HR clients.</summary>
public static class EnrolmentTestHost
{
    public static Task<ServiceTestHost> StartAsync(
        RedisFixture redis,
        string keyPrefix,
        RecordingTransport? transport = null,
        IDictionary<string, string?>? settings = null) =>
        ServiceTestHost.StartAsync(EnrolmentHost.Build, redis, keyPrefix, transport, settings);

    /// <summary>A client whose calls carry a council HR token for <paramref name="authority"/>.</summary>
    public static EnrolmentService.EnrolmentServiceClient ClientFor(this ServiceTestHost host, string? authority, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new(host.InvokerFor(authority, scopes.Length == 0 ? [Scopes.EnrolmentHr] : scopes));
    }

    public static EnrolmentService.EnrolmentServiceClient AnonymousClient(this ServiceTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new(host.Channel);
    }
}
