// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// Device ioctls that need no device, for test_decode_ioctl.py: requests of many families on a
// closed descriptor and on /dev/null, by the names the uapi headers give them, by names their
// numbers carry (EVIOCGBIT(EV_KEY, 8)), two names of one value, and unknown ones as _IOC();
// arguments that are none, numbers, flags, signals, and pointers (NULL or an address).
#include <asm/termbits.h>
#include <fcntl.h>
#include <linux/btrfs.h>
#include <linux/fs.h>
#include <linux/hdreg.h>
#include <linux/hidraw.h>
#include <linux/input.h>
#include <linux/joystick.h>
#include <linux/kd.h>
#include <linux/random.h>
#include <linux/loop.h>
#include <linux/nbd.h>
#include <linux/perf_event.h>
#include <linux/ptp_clock.h>
#include <linux/rtc.h>
#include <linux/uinput.h>
#include <linux/watchdog.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(void) {
	char buf[256];
	int null = open("/dev/null", O_RDONLY);

	// Named by the headers; pointers, NULL or not.
	ioctl(null, WDIOC_GETSUPPORT, buf);
	ioctl(-1, WDIOC_GETSUPPORT, 0);
	ioctl(-1, TCGETS2, NULL);
	ioctl(-1, TCSETSF2, 0);
	ioctl(-1, WDIOC_GETTIMEOUT, 0);
	ioctl(-1, BLKGETDISKSEQ, buf);
	ioctl(-1, EVIOCGVERSION, 0);
	ioctl(-1, HIDIOCGRDESCSIZE, buf);
	ioctl(-1, KDGETLED, 0);
	ioctl(-1, LOOP_GET_STATUS64, 0);
	ioctl(-1, BLKFRAGET, 0);
	ioctl(-1, EVIOCGNAME(0), 0);
	ioctl(-1, HDIO_GET_32BIT, 0);
	// Named, but not decoded by strace: hex, 0 too.
	ioctl(-1, HDIO_GET_QDMA, 0);
	// Without an argument, whatever is passed.
	ioctl(-1, RTC_AIE_ON, 0);
	ioctl(-1, NBD_DISCONNECT, 1);
	ioctl(-1, FIFREEZE, buf);
	ioctl(null, FIOCLEX);
	ioctl(-1, BTRFS_IOC_SYNC, buf);
	// Numbers, descriptors, flags and signals.
	ioctl(-1, KIOCSOUND, 440);
	ioctl(-1, KIOCSOUND, 0);
	ioctl(-1, KDMKTONE, (100 << 16) | 440);
	ioctl(-1, KDSETLED, LED_NUM | LED_CAP | 0xc8);
	ioctl(-1, KDSKBLED, LED_SCR | (LED_CAP << 4));
	ioctl(-1, KDSETMODE, KD_GRAPHICS);
	ioctl(-1, KDSETMODE, 7);
	ioctl(-1, KDSKBMODE, -1);
	ioctl(-1, KDADDIO, 0x3c0);
	ioctl(-1, KDSIGACCEPT, SIGUSR1);
	ioctl(-1, LOOP_SET_FD, null);
	ioctl(-1, LOOP_SET_BLOCK_SIZE, 4096);
	ioctl(-1, NBD_SET_SIZE, 0xdeadbeefbadc0dedULL);
	ioctl(-1, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP);
	ioctl(-1, PERF_EVENT_IOC_DISABLE, 2);
	ioctl(-1, BTRFS_IOC_BALANCE_CTL, BTRFS_BALANCE_CTL_CANCEL);
	ioctl(-1, HDIO_SET_32BIT, 0xfacefeeddeadbeefULL);
	ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_READ_ONLY | NBD_FLAG_SEND_TRIM);
	ioctl(-1, KDSKBMETA, K_ESCPREFIX);
	ioctl(-1, EVIOCRMFF, -1);
	ioctl(-1, EVIOCGRAB, 1);
	ioctl(-1, PTP_ENABLE_PPS, 0);
	ioctl(-1, PTP_SYS_OFFSET_PRECISE, 0);
	// Names their numbers carry.
	ioctl(-1, EVIOCGBIT(0, 4), buf);
	ioctl(-1, EVIOCGBIT(EV_KEY, 8), buf);
	ioctl(-1, EVIOCGBIT(0x1e, 8), buf);
	ioctl(-1, EVIOCGNAME(32), buf);
	ioctl(-1, EVIOCGABS(ABS_MT_SLOT), buf);
	ioctl(-1, EVIOCGABS(0x3f), buf);
	ioctl(-1, HIDIOCGRAWNAME(16), buf);
	ioctl(-1, HIDIOCSFEATURE(9), buf);
	ioctl(-1, JSIOCGNAME(8), buf);
	ioctl(-1, UI_GET_SYSNAME(64), buf);
	ioctl(-1, _IOC(_IOC_WRITE, 'M', 3, 4), buf);
	// What the argument points to, read by the call (and an rtc_time it cannot read).
	int timeout = 123;
	struct rtc_time tm = {.tm_sec = 1, .tm_min = 2, .tm_hour = 3, .tm_mday = 4, .tm_mon = 5,
			      .tm_year = 126};
	ioctl(-1, WDIOC_SETTIMEOUT, &timeout);
	ioctl(-1, RNDADDTOENTCNT, &timeout);
	ioctl(-1, RTC_SET_TIME, &tm);
	ioctl(-1, RTC_SET_TIME, (char *)&tm + 4096 * 4096);
	ioctl(-1, RTC_RD_TIME, &tm);
	// Unknown: types, numbers and sizes no header names.
	ioctl(-1, _IOC(_IOC_READ, 0x4b, 0xff, 0x4), buf);
	ioctl(null, _IOC(_IOC_NONE, 0xef, 0x1, 0), 0);
	ioctl(-1, _IOC(_IOC_READ | _IOC_WRITE, 0xef, 0x2, 0x10), buf);
	close(null);
	return 0;
}
