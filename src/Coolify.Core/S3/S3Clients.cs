using Amazon.Runtime;
using Amazon.S3;

namespace Coolify.Core.S3;

/// <summary>
/// An S3 client for a storage, set up for the S3-compatible servers users run as much as for AWS: checksums only
/// where the operation requires one and no aws-chunked bodies (several servers store such a body as the object
/// itself — checked here: <c>s3rver</c> kept a 5-byte upload as 298 bytes with the SDK's defaults).
/// </summary>
public static class S3Clients
{
    public static AmazonS3Client Create(S3Storage storage, TimeSpan? timeout = null) => new(
        new BasicAWSCredentials(storage.Key, storage.Secret),
        new AmazonS3Config
        {
            ServiceURL = storage.Endpoint,
            ForcePathStyle = storage.UsePathStyleEndpoint,
            AuthenticationRegion = storage.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = timeout ?? TimeSpan.FromSeconds(15),
            MaxErrorRetry = 1,
        });
}
