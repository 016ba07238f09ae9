using Accreditation.TestSupport;

namespace Accreditation.BuildingBlocks.Tests;

/// <summary>One Redis server for the assembly's Redis tests; each test uses its own key prefix.</summary>
[CollectionDefinition(Name)]
public sealed class RedisGroup : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
