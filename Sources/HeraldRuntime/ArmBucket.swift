import HeraldSupport

/// The experiment assignment hash, as every dialect's SQL computes it: the first 8 hex digits of
/// `md5(experiment id + ":" + customer key)` as an unsigned integer, modulo 10,000.
public enum ArmBucket {
    public static func bucket(experiment: String, key: String) -> Int {
        let digest = MD5.digest(Array((experiment + ":" + key).utf8))
        let prefix = UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3])
        return Int(prefix % 10_000)
    }
}
