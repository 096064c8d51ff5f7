// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// keyctl's commands with the buffers and structs they read or fill, for the comparison with
// strace (test_decode_structs.py): payloads, descriptions read back into short and long
// buffers, permissions, errors, iovecs, DH_COMPUTE's params and KDF, the PKEY_* operations'
// params and input, KEYCTL_CAPABILITIES' bytes; NULL, bad pointers and buffers that end
// where an unreadable page begins. Only the thread keyring is made (and described); every
// other call names a key that does not exist or arguments the kernel refuses.
#define _GNU_SOURCE
#include <errno.h>
#include <linux/keyctl.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "page_end.h"

#define NOKEY -557785390
#define BAD ((void *)0xfacefeedfffff000ULL)

int main(void) {
  // Payloads read at entry, as long as the length says.
  syscall(SYS_keyctl, KEYCTL_UPDATE, NOKEY, "payload", 7);
  syscall(SYS_keyctl, KEYCTL_UPDATE, NOKEY, BAD, 7);
  syscall(SYS_keyctl, KEYCTL_INSTANTIATE, NOKEY, "a long payload of more than 32 bytes", 36,
          KEY_SPEC_SESSION_KEYRING);
  syscall(SYS_keyctl, KEYCTL_INSTANTIATE, NOKEY, NULL, 0, 0);
  // Descriptions filled at exit: into a buffer too short (not written), one long enough at
  // a page's end, and a failed one; of the thread keyring, made first (as the default for
  // request_key: what returns is the old default, where the keyring's own number changes).
  syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_THREAD_KEYRING);
  char *shortbuf = page_end(9);
  memset(shortbuf, 0xff, 9);
  syscall(SYS_keyctl, KEYCTL_DESCRIBE, KEY_SPEC_THREAD_KEYRING, shortbuf, 9);
  char *buf = page_end(256);
  syscall(SYS_keyctl, KEYCTL_DESCRIBE, KEY_SPEC_THREAD_KEYRING, buf, 256);
  syscall(SYS_keyctl, KEYCTL_READ, KEY_SPEC_THREAD_KEYRING, buf, 256);
  syscall(SYS_keyctl, KEYCTL_GET_SECURITY, KEY_SPEC_THREAD_KEYRING, buf, 256);
  syscall(SYS_keyctl, KEYCTL_DESCRIBE, NOKEY, buf, 256);
  // Permissions, known and unknown bits; a default keyring no kernel has; an error by name.
  syscall(SYS_keyctl, KEYCTL_SETPERM, NOKEY, 0x3f3f0000);
  syscall(SYS_keyctl, KEYCTL_SETPERM, NOKEY, 0xc0c0c0c0);
  syscall(SYS_keyctl, KEYCTL_SET_REQKEY_KEYRING, -1159983635);
  syscall(SYS_keyctl, KEYCTL_REJECT, NOKEY, 10, ENODEV, NOKEY);
  syscall(SYS_keyctl, KEYCTL_REJECT, NOKEY, 10, 4095, NOKEY);
  syscall(SYS_keyctl, KEYCTL_GET_PERSISTENT, 2718281828U, NOKEY);
  syscall(SYS_keyctl, KEYCTL_CHOWN, NOKEY, -1, 1000);
  syscall(SYS_keyctl, KEYCTL_RESTRICT_KEYRING, NOKEY, "asymmetric", "key_or_keyring:0");
  // An iovec read at entry.
  struct iovec iov[2] = {{"abc", 4}, {BAD, 8}};
  syscall(SYS_keyctl, KEYCTL_INSTANTIATE_IOV, NOKEY, iov, 2, NOKEY);
  // DH_COMPUTE: no params, params with no KDF, one whose KDF points to nothing.
  syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, NULL, NULL, 0, NULL);
  struct keyctl_dh_params *dh = (void *)page_end(sizeof(*dh));
  dh->priv = KEY_SPEC_GROUP_KEYRING;
  dh->prime = 1234567890;
  dh->base = -1153374643;
  syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, dh, buf, 256, NULL);
  struct keyctl_kdf_params *kdf = (void *)page_end(sizeof(*kdf));
  memset(kdf, 0, sizeof(*kdf));
  syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, dh, buf, 256, kdf);
  kdf->__spare[7] = 0xdeadfeed;
  syscall(SYS_keyctl, KEYCTL_DH_COMPUTE, dh, buf, 256, kdf);
  // The PKEY_* operations: no params, params and their input (as long as in_len says, at a
  // page's end), an empty second input.
  syscall(SYS_keyctl, KEYCTL_PKEY_ENCRYPT, NULL, NULL, NULL, NULL);
  struct keyctl_pkey_params *pk = (void *)page_end(sizeof(*pk));
  memset(pk, 0, sizeof(*pk));
  pk->key_id = KEY_SPEC_PROCESS_KEYRING;
  syscall(SYS_keyctl, KEYCTL_PKEY_DECRYPT, pk, "", "", buf);
  syscall(SYS_keyctl, KEYCTL_PKEY_VERIFY, pk, "enc=pkcs1", "", "");
  char *in = page_end(10);
  memcpy(in, "AbCdEfGhIj", 10);
  pk->key_id = NOKEY;
  pk->in_len = 10;
  pk->out_len = 10;
  pk->__spare[1] = 0xfacefeed;
  syscall(SYS_keyctl, KEYCTL_PKEY_SIGN, pk, "", in, buf);
  pk->in_len = 36;
  syscall(SYS_keyctl, KEYCTL_PKEY_ENCRYPT, pk, "", "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
          buf);
  syscall(SYS_keyctl, KEYCTL_PKEY_QUERY, NOKEY, 0, "x", NULL);
  // What the kernel can do: as many bytes as it returned, no more than asked for.
  char *caps = page_end(4);
  syscall(SYS_keyctl, KEYCTL_CAPABILITIES, caps, 4);
  syscall(SYS_keyctl, KEYCTL_CAPABILITIES, caps, 1);
  syscall(SYS_keyctl, KEYCTL_CAPABILITIES, BAD, 4);
  return 0;
}
