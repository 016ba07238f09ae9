using Accreditation.TestSupport;

namespace Accreditation.RegulatorReporting.Tests.Api;

/// <summary>One Redis server for the API tests; every test host uses its own key prefix.</summary>
[CollectionDefinition(Name)]
public sealed class RedisGroup : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
