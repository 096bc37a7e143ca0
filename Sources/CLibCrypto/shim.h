/* OpenSSL's libcrypto, for SHA-256 only: its digest uses the processor's SHA instructions where
   there are some, about eight times the speed of a portable implementation, and a bundle hashes
   hundreds of megabytes. */
#include <openssl/evp.h>
