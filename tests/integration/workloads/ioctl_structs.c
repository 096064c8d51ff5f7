// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// ioctls whose argument is a struct the call reads or fills, for test_decode_ioctl.py: a
// pseudo-terminal's struct termios, termio, termios2 and winsize, ints and modem bits, read
// back after the call and set from odd values; the console's key entries, keycodes and
// repeat rates on a closed descriptor (read at entry only); NULL and unreadable pointers; a
// socket's struct ifreq of the loopback interface, got, and set on a closed descriptor;
// btrfs's and the file systems' structs, a 4 KiB one among them, an RTC's parameters, the
// GPIO character device's, the device mapper's headers, a TEE's, UBI's and MTD's structs,
// SCSI generic's ints, on a closed descriptor; a real userfaultfd's API handshake,
// registration, copy, zeroed page, wake and unregistration.
#include <net/if.h>

#include <asm/termbits.h>
#include <fcntl.h>
#include <linux/btrfs.h>
#include <linux/btrfs_tree.h>
#include <linux/dm-ioctl.h>
#include <linux/fs.h>
#include <linux/gpio.h>
#include <linux/kd.h>
#include <linux/keyboard.h>
#include <linux/rtc.h>
#include <linux/sockios.h>
#include <linux/tee.h>
#include <linux/userfaultfd.h>
#include <mtd/mtd-abi.h>
#include <mtd/ubi-user.h>
#include <netinet/in.h>
#include <scsi/sg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
	/* Its static structs in memory now: a page not yet touched cannot be read by a BPF
	 * program (observer prints the address), and the calls on fd -1 fail without touching
	 * them. */
	mlockall(MCL_CURRENT);
	int pty = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	struct termios tios;
	struct termios2 tios2;
	struct termio tio;
	struct winsize ws = {.ws_row = 24, .ws_col = 80, .ws_xpixel = 640, .ws_ypixel = 480};
	int n = 1;

	// Filled by the call, then set again with odd bits; termio the same.
	ioctl(pty, TCGETS, &tios);
	tios.c_iflag |= IUTF8 | 0x8000;
	tios.c_oflag = NL1 | CR2 | TAB1 | BS1 | VT1 | FF1 | OPOST | 0x80000;
	tios.c_cflag = B9600 | (B57600 << IBSHIFT) | CS7 | CREAD | PARODD | 0x20000;
	tios.c_lflag = ISIG | ICANON | ECHO | EXTPROC;
	ioctl(pty, TCSETS, &tios);
	ioctl(pty, TCSETSW, &tios);
	ioctl(pty, TCGETS2, &tios2);
	ioctl(pty, TCSETS2, &tios2);
	ioctl(pty, TCGETA, &tio);
	ioctl(pty, TCSETAF, &tio);
	ioctl(pty, TIOCSWINSZ, &ws);
	ioctl(pty, TIOCGWINSZ, &ws);
	ioctl(pty, FIONREAD, &n);
	ioctl(pty, FIONBIO, &n);
	ioctl(pty, TIOCMGET, &n);
	n = TIOCM_DTR | TIOCM_RTS | 0x10000;
	ioctl(-1, TIOCMSET, &n);
	// Failed: a filled struct is a pointer, one read at entry is shown.
	ioctl(-1, TCGETS, &tios);
	ioctl(-1, TCSETSF, &tios);
	ioctl(-1, TCGETA, NULL);
	ioctl(-1, TIOCSLCKTRMIOS, NULL);
	ioctl(pty, TCSETS, (void *)8);

	// The console's, on no console.
	struct kbentry ent = {.kb_table = K_SHIFTTAB, .kb_index = 69, .kb_value = K_F2};
	ioctl(-1, KDGKBENT, &ent);
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_table = 1 << KG_ALT | 1 << KG_CTRLR;
	ent.kb_value = K(KT_LATIN, 'a');
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_value = K(KT_META, '\t');
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_value = K(KT_DEAD2, 0xff);
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_value = K(KT_SLOCK, 9);
	ioctl(-1, KDSKBENT, &ent);
	ent.kb_value = K_CAPSSHIFT;
	ioctl(-1, KDSKBENT, &ent);
	static struct kbsentry sent = {.kb_func = KVAL(K_F3), .kb_string = "\033[[C"};
	ioctl(-1, KDSKBSENT, &sent);
	ioctl(-1, KDGKBSENT, &sent);
	memset(sent.kb_string, 'k', sizeof(sent.kb_string) - 1);
	sent.kb_func = 0xfe;
	ioctl(-1, KDSKBSENT, &sent);
	static struct kbdiacrs diacrs = {.kb_cnt = 2,
					 .kbdiacr = {{'`', 'a', 0xe0}, {'\'', '\n', '\\'}}};
	ioctl(-1, KDSKBDIACR, &diacrs);
	diacrs.kb_cnt = 40;
	ioctl(-1, KDSKBDIACR, &diacrs);
	static struct kbdiacrsuc diacrsuc = {.kb_cnt = 1, .kbdiacruc = {{0x60, 0x61, 0xe0}}};
	ioctl(-1, KDSKBDIACRUC, &diacrsuc);
	ioctl(-1, KDGKBDIACRUC, &diacrsuc);
	static unsigned char map[E_TABSZ] = {0x41, 0x0a, 0xff};
	ioctl(-1, PIO_SCRNMAP, map);
	ioctl(-1, PIO_CMAP, map);
	static unsigned short unimap[E_TABSZ] = {0x41, UNI_DIRECT_BASE + 0x20, 0xf1ff};
	ioctl(-1, PIO_UNISCRNMAP, unimap);
	struct unimapinit clr = {.advised_hashsize = 5, .advised_hashlevel = 7};
	ioctl(-1, PIO_UNIMAPCLR, &clr);
	struct consolefontdesc fontx = {.charcount = 256, .charheight = 16, .chardata = NULL};
	ioctl(-1, GIO_FONTX, &fontx);
	struct unimapdesc unimapd = {.entry_ct = 3, .entries = NULL};
	ioctl(-1, GIO_UNIMAP, &unimapd);
	unimapd.entry_ct = 0;
	ioctl(-1, PIO_UNIMAP, &unimapd);
	struct console_font_op fontop = {.op = KD_FONT_OP_GET, .flags = KD_FONT_FLAG_DONT_RECALC,
					 .width = 8, .height = 16, .charcount = 256,
					 .data = (unsigned char *)map};
	ioctl(-1, KDFONTOP, &fontop);
	fontop.op = KD_FONT_OP_COPY;
	ioctl(-1, KDFONTOP, &fontop);
	fontop.op = KD_FONT_OP_SET;
	fontop.data = NULL;
	ioctl(-1, KDFONTOP, &fontop);
	struct kbkeycode code = {.scancode = 0xe0, .keycode = 0x1c};
	ioctl(-1, KDGETKEYCODE, &code);
	ioctl(-1, KDSETKEYCODE, &code);
	struct kbd_repeat rep = {.delay = 250, .period = -33};
	ioctl(-1, KDKBDREP, &rep);
	ioctl(-1, KDKBDREP, NULL);
	close(pty);

	// A socket's: the loopback interface asked about by name or index, then set.
	int sock = socket(AF_INET, SOCK_DGRAM, 0);
	struct ifreq ifr;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	ioctl(sock, SIOCGIFINDEX, &ifr);
	ioctl(sock, SIOCGIFNAME, &ifr);
	ioctl(sock, SIOCGIFFLAGS, &ifr);
	ioctl(sock, SIOCGIFMTU, &ifr);
	ioctl(sock, SIOCGIFADDR, &ifr);
	ioctl(sock, SIOCGIFNETMASK, &ifr);
	ioctl(sock, SIOCGIFHWADDR, &ifr);
	ioctl(sock, SIOCGIFMAP, &ifr);
	ioctl(sock, FIOGETOWN, &n);
	struct ifconf conf = {.ifc_len = 0, .ifc_buf = NULL};
	ioctl(sock, SIOCGIFCONF, &conf);
	conf.ifc_len = 0;
	conf.ifc_buf = (char *)&ifr;
	ioctl(sock, SIOCGIFCONF, &conf);
	ioctl(-1, SIOCGIFMTU, &ifr);
	memset(ifr.ifr_name, 'x', sizeof(ifr.ifr_name));
	ifr.ifr_flags = IFF_UP | IFF_LOOPBACK | IFF_DYNAMIC;
	ioctl(-1, SIOCSIFFLAGS, &ifr);
	struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(53),
				 .sin_addr.s_addr = htonl(0x0a000001)};
	memcpy(&ifr.ifr_addr, &in, sizeof(in));
	ioctl(-1, SIOCSIFADDR, &ifr);
	ifr.ifr_hwaddr.sa_family = 1;  /* ARPHRD_ETHER */
	memcpy(ifr.ifr_hwaddr.sa_data, "\x02\xaa\xbb\xcc\xdd\xee", 6);
	ioctl(-1, SIOCSIFHWADDR, &ifr);
	ifr.ifr_hwaddr.sa_family = 0xfff0;
	ioctl(-1, SIOCADDMULTI, &ifr);
	strcpy(ifr.ifr_name, "eth0");
	strcpy(ifr.ifr_newname, "wan0");
	ioctl(-1, SIOCSIFNAME, &ifr);
	ifr.ifr_ifindex = 1;
	ioctl(-1, SIOCBRADDIF, &ifr);
	ioctl(-1, SIOCBRADDBR, "br0");
	ioctl(-1, SIOCBRDELBR, "0123456789abcdefg");
	n = 0;
	ioctl(-1, SIOCSPGRP, &n);
	ioctl(-1, SIOCGIFINDEX, NULL);
	close(sock);

	// btrfs's and the file systems', on no file system.
	static struct btrfs_ioctl_vol_args vol = {.fd = 2, .name = "subvol"};
	ioctl(-1, BTRFS_IOC_SNAP_CREATE, &vol);
	memset(vol.name, 'v', sizeof(vol.name));
	ioctl(-1, BTRFS_IOC_RM_DEV, &vol);
	unsigned long long u64 = 0xfedcba9876543210ULL;
	ioctl(-1, BTRFS_IOC_WAIT_SYNC, &u64);
	ioctl(-1, BTRFS_IOC_START_SYNC, &u64);
	struct btrfs_ioctl_quota_ctl_args quota = {.cmd = BTRFS_QUOTA_CTL_DISABLE};
	ioctl(-1, BTRFS_IOC_QUOTA_CTL, &quota);
	quota.cmd = 9;
	ioctl(-1, BTRFS_IOC_QUOTA_CTL, &quota);
	struct btrfs_ioctl_qgroup_assign_args assign = {.assign = 1, .src = 257, .dst = 258};
	ioctl(-1, BTRFS_IOC_QGROUP_ASSIGN, &assign);
	struct btrfs_ioctl_qgroup_create_args create = {.create = 1, .qgroupid = 259};
	ioctl(-1, BTRFS_IOC_QGROUP_CREATE, &create);
	struct file_clone_range range = {.src_fd = 4, .src_offset = 4096, .src_length = 8192,
					 .dest_offset = 65536};
	ioctl(-1, FICLONERANGE, &range);
	static char label[FSLABEL_MAX] = "data";
	ioctl(-1, FS_IOC_SETFSLABEL, label);
	ioctl(-1, FS_IOC_GETFSLABEL, label);
	struct rtc_param param = {.param = RTC_PARAM_FEATURES, .index = 1};
	ioctl(-1, RTC_PARAM_GET, &param);
	param.uvalue = 1 << RTC_FEATURE_ALARM | 1 << RTC_FEATURE_CORRECTION | 1 << 20;
	ioctl(-1, RTC_PARAM_SET, &param);
	param.param = RTC_PARAM_CORRECTION;
	param.svalue = -42;
	ioctl(-1, RTC_PARAM_SET, &param);
	unsigned long long subvol_flags = BTRFS_SUBVOL_RDONLY | 0x10;
	ioctl(-1, BTRFS_IOC_SUBVOL_SETFLAGS, &subvol_flags);
	static struct btrfs_ioctl_vol_args_v2 vol2 = {.fd = 3, .flags = BTRFS_SUBVOL_RDONLY,
						     .name = "snap"};
	ioctl(-1, BTRFS_IOC_SNAP_CREATE_V2, &vol2);
	vol2.flags |= BTRFS_SUBVOL_QGROUP_INHERIT;
	ioctl(-1, BTRFS_IOC_SUBVOL_CREATE_V2, &vol2);
	struct btrfs_ioctl_defrag_range_args defrag = {
		.len = -1ULL, .flags = BTRFS_DEFRAG_RANGE_START_IO, .extent_thresh = 65536,
		.compress_type = 3};
	ioctl(-1, BTRFS_IOC_DEFRAG_RANGE, &defrag);
	defrag.compress_type = 9;
	ioctl(-1, BTRFS_IOC_DEFRAG_RANGE, &defrag);
	static struct btrfs_ioctl_dev_info_args dev_info = {
		.devid = 1, .uuid = {0x12, 0x34, [15] = 0xff}};
	ioctl(-1, BTRFS_IOC_DEV_INFO, &dev_info);
	static struct btrfs_ioctl_dev_replace_args replace = {
		.cmd = BTRFS_IOCTL_DEV_REPLACE_CMD_START,
		.start = {.srcdevid = 2, .srcdev_name = "/dev/vdb", .tgtdev_name = "/dev/vdc",
			  .cont_reading_from_srcdev_mode =
				  BTRFS_IOCTL_DEV_REPLACE_CONT_READING_FROM_SRCDEV_MODE_AVOID}};
	ioctl(-1, BTRFS_IOC_DEV_REPLACE, &replace);
	replace.cmd = 7;
	ioctl(-1, BTRFS_IOC_DEV_REPLACE, &replace);
	static struct btrfs_ioctl_get_dev_stats stats = {.devid = 1, .nr_items = 5,
							 .flags = BTRFS_DEV_STATS_RESET};
	ioctl(-1, BTRFS_IOC_GET_DEV_STATS, &stats);
	static struct btrfs_ioctl_ino_lookup_args lookup = {.treeid = BTRFS_FS_TREE_OBJECTID,
							    .objectid = 300};
	ioctl(-1, BTRFS_IOC_INO_LOOKUP, &lookup);
	struct btrfs_ioctl_ino_path_args paths = {.inum = 256, .size = 4096};
	ioctl(-1, BTRFS_IOC_INO_PATHS, &paths);
	struct btrfs_ioctl_logical_ino_args logical = {
		.logical = 4096, .size = 65536, .reserved = {0, 5},
		.flags = BTRFS_LOGICAL_INO_ARGS_IGNORE_OFFSET, .inodes = 0x1000};
	ioctl(-1, BTRFS_IOC_LOGICAL_INO, &logical);
	static struct btrfs_ioctl_scrub_args scrub = {.devid = 1, .end = -1ULL,
						      .flags = BTRFS_SCRUB_READONLY};
	ioctl(-1, BTRFS_IOC_SCRUB, &scrub);
	ioctl(-1, BTRFS_IOC_SCRUB_PROGRESS, &scrub);
	struct btrfs_ioctl_send_args send = {.send_fd = 1, .parent_root = BTRFS_FIRST_FREE_OBJECTID,
					     .flags = BTRFS_SEND_FLAG_NO_FILE_DATA};
	ioctl(-1, BTRFS_IOC_SEND, &send);
	static struct btrfs_ioctl_search_args_v2 search = {
		.key = {.tree_id = BTRFS_FS_TREE_OBJECTID, .min_objectid = BTRFS_FIRST_FREE_OBJECTID,
			.max_objectid = BTRFS_LAST_FREE_OBJECTID, .max_offset = -1ULL,
			.max_transid = -1ULL, .min_type = BTRFS_INODE_ITEM_KEY, .max_type = -1U,
			.nr_items = 16},
		.buf_size = 4096};
	ioctl(-1, BTRFS_IOC_TREE_SEARCH_V2, &search);
	search.key.min_objectid = 300;
	search.key.max_type = 7;
	ioctl(-1, BTRFS_IOC_TREE_SEARCH, &search);
	struct btrfs_ioctl_space_args space = {.space_slots = 4};
	ioctl(-1, BTRFS_IOC_SPACE_INFO, &space);
	struct fstrim_range trim = {.start = 0x1000, .len = 1 << 20, .minlen = 4096};
	ioctl(-1, FITRIM, &trim);
	struct fsxattr xattr = {.fsx_xflags = FS_XFLAG_IMMUTABLE | FS_XFLAG_DAX | 0x40000000,
				.fsx_extsize = 4096, .fsx_projid = 7};
	ioctl(-1, FS_IOC_FSSETXATTR, &xattr);

	// The GPIO character device's, on no chip.
	struct gpioline_info line = {.line_offset = 7};
	ioctl(-1, GPIO_GET_LINEINFO_IOCTL, &line);
	static struct gpiohandle_request handle = {
		.lineoffsets = {3, 5}, .lines = 40, .default_values = {1},
		.flags = GPIOHANDLE_REQUEST_OUTPUT | GPIOHANDLE_REQUEST_ACTIVE_LOW | 0x4000,
		.consumer_label = "test"};
	ioctl(-1, GPIO_GET_LINEHANDLE_IOCTL, &handle);
	struct gpioevent_request event = {.lineoffset = 2,
					  .eventflags = GPIOEVENT_REQUEST_BOTH_EDGES};
	ioctl(-1, GPIO_GET_LINEEVENT_IOCTL, &event);
	static struct gpio_v2_line_request req = {.offsets = {1, 2}, .num_lines = 2,
						  .consumer = "v2"};
	req.config.flags = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_EDGE_RISING;
	req.config.num_attrs = 2;
	req.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
	req.config.attrs[0].attr.debounce_period_us = 5000;
	req.config.attrs[0].mask = 3;
	req.config.attrs[1].attr.id = 9;
	req.config.attrs[1].attr.values = 0xabcdef;
	req.config.attrs[1].mask = 1;
	ioctl(-1, GPIO_V2_GET_LINE_IOCTL, &req);
	ioctl(-1, GPIO_V2_LINE_SET_CONFIG_IOCTL, &req.config);
	struct gpio_v2_line_values values = {.bits = 0x5, .mask = 0xf};
	ioctl(-1, GPIO_V2_LINE_SET_VALUES_IOCTL, &values);
	ioctl(-1, GPIO_V2_LINE_GET_VALUES_IOCTL, &values);

	// The device mapper's, with no payload after the header (strace -v would read it).
	static struct dm_ioctl dm = {.version = {DM_VERSION_MAJOR, 0, 0},
				     .data_size = sizeof(dm), .data_start = sizeof(dm),
				     .dev = 0xfd01, .name = "vol", .uuid = "LVM-1",
				     .flags = DM_READONLY_FLAG | DM_SKIP_LOCKFS_FLAG | 0x80000000};
	ioctl(-1, DM_VERSION, &dm);
	ioctl(-1, DM_TABLE_LOAD, &dm);
	ioctl(-1, DM_LIST_DEVICES, &dm);
	dm.event_nr = 12;
	dm.flags = 0;
	ioctl(-1, DM_DEV_SUSPEND, &dm);
	dm.flags = DM_SUSPEND_FLAG;
	ioctl(-1, DM_DEV_SUSPEND, &dm);
	memset(dm.name, 'n', sizeof(dm.name));
	ioctl(-1, DM_DEV_REMOVE, &dm);
	dm.data_size = 16;
	ioctl(-1, DM_DEV_STATUS, &dm);
	dm.version[0] = 3;
	ioctl(-1, DM_DEV_STATUS, &dm);

	// A TEE's: _IOR() requests that read their struct, and an invocation's arguments of a
	// length the kernel refuses.
	struct tee_ioctl_cancel_arg cancel = {.cancel_id = 7, .session = 0xbeef};
	ioctl(-1, TEE_IOC_CANCEL, &cancel);
	struct tee_ioctl_close_session_arg close_session = {.session = 0xcafe};
	ioctl(-1, TEE_IOC_CLOSE_SESSION, &close_session);
	ioctl(-1, TEE_IOC_CLOSE_SESSION, NULL);
	struct tee_ioctl_shm_alloc_data shm = {.size = 0x1000, .flags = 0x3 | 0x100};
	ioctl(-1, TEE_IOC_SHM_ALLOC, &shm);
	struct tee_ioctl_shm_register_data reg = {.addr = 0x7f0000001000, .length = 0x2000};
	ioctl(-1, TEE_IOC_SHM_REGISTER, &reg);
	struct tee_ioctl_buf_data buf = {.buf_ptr = 0xdead0000, .buf_len = TEE_MAX_ARG_SIZE + 1};
	ioctl(-1, TEE_IOC_INVOKE, &buf);
	buf.buf_len = 8;
	ioctl(-1, TEE_IOC_OPEN_SESSION, &buf);

	// UBI's, an _IOR() one among them that reads its int.
	static struct ubi_mkvol_req mkvol = {.vol_id = 1, .alignment = 1, .bytes = 1 << 20,
					     .vol_type = UBI_STATIC_VOLUME, .flags = 3,
					     .name_len = 4, .name = "data"};
	ioctl(-1, UBI_IOCMKVOL, &mkvol);
	mkvol.name_len = 2;
	mkvol.vol_type = 9;
	ioctl(-1, UBI_IOCMKVOL, &mkvol);
	struct ubi_rsvol_req rsvol = {.bytes = 4096, .vol_id = 2};
	ioctl(-1, UBI_IOCRSVOL, &rsvol);
	struct ubi_attach_req attach = {.ubi_num = -1, .mtd_num = 3, .max_beb_per1024 = 20};
	ioctl(-1, UBI_IOCATT, &attach);
	struct ubi_map_req leb_map = {.lnum = 5, .dtype = 3};
	ioctl(-1, UBI_IOCEBMAP, &leb_map);
	struct ubi_set_vol_prop_req prop = {.property = UBI_VOL_PROP_DIRECT_WRITE, .value = 1};
	ioctl(-1, UBI_IOCSETVOLPROP, &prop);
	static struct ubi_rnvol_req rnvol = {
		.count = 2, .ents = {{.vol_id = 1, .name_len = 3, .name = "one"},
				     {.vol_id = 2, .name_len = -1, .name = "two"}}};
	ioctl(-1, UBI_IOCRNVOL, &rnvol);
	int32_t leb = 7;
	ioctl(-1, UBI_IOCEBISMAP, &leb);
	ioctl(-1, UBI_IOCEBUNMAP, &leb);
	long long image = 1 << 16;
	ioctl(-1, UBI_IOCVOLUP, &image);

	// MTD's, _IOR() ones among them that read what they ask about.
	struct erase_info_user erase = {.start = 0x10000, .length = 0x20000};
	ioctl(-1, MEMERASE, &erase);
	ioctl(-1, MEMISLOCKED, &erase);
	struct erase_info_user64 erase64 = {.start = 0x100000000ULL, .length = 0x1000};
	ioctl(-1, MEMERASE64, &erase64);
	struct mtd_oob_buf oob = {.start = 0x800, .length = 64, .ptr = NULL};
	ioctl(-1, MEMREADOOB, &oob);
	struct mtd_oob_buf64 oob64 = {.start = 0x800, .length = 64, .usr_ptr = 0x1000};
	ioctl(-1, MEMWRITEOOB64, &oob64);
	struct otp_info otp = {.start = 0, .length = 512, .locked = 1};
	ioctl(-1, OTPLOCK, &otp);
	int otp_mode = MTD_OTP_USER;
	ioctl(-1, OTPSELECT, &otp_mode);
	otp_mode = 7;
	ioctl(-1, OTPSELECT, &otp_mode);
	struct region_info_user region = {.regionindex = 2};
	ioctl(-1, MEMGETREGIONINFO, &region);
	long long bad = 0x40000;
	ioctl(-1, MEMGETBADBLOCK, &bad);
	struct mtd_write_req write_req = {.start = 0x1000, .len = 0x800, .ooblen = 64,
					  .usr_data = 0x2000, .mode = MTD_OPS_RAW};
	ioctl(-1, MEMWRITE, &write_req);

	// SCSI generic's ints, given and asked for, and its reset's values.
	int sg = -87097619;
	ioctl(-1, SG_SET_TIMEOUT, &sg);
	ioctl(-1, SG_NEXT_CMD_LEN, &sg);
	ioctl(-1, SG_GET_VERSION_NUM, &sg);
	sg = SG_SCSI_RESET_DEVICE;
	ioctl(-1, SG_SCSI_RESET, &sg);
	sg = 0x100 | SG_SCSI_RESET_NOTHING;  // SG_SCSI_RESET_NO_ESCALATE
	ioctl(-1, SG_SCSI_RESET, &sg);
	sg = 0xfacefeed;
	ioctl(-1, SG_SCSI_RESET, &sg);

	// userfaultfd: the API handshake (the features there and the ioctls), a page registered,
	// filled, zeroed, woken and unregistered; the same requests on a closed descriptor.
	struct uffdio_api api = {.api = UFFD_API};
	ioctl(-1, UFFDIO_API, &api);
	int uffd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	ioctl(uffd, UFFDIO_API, &api);
	char *area = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	static char source[4096];
	struct uffdio_register uffd_reg = {.range = {(unsigned long)area, 2 * 4096},
				      .mode = UFFDIO_REGISTER_MODE_MISSING};
	ioctl(uffd, UFFDIO_REGISTER, &uffd_reg);
	struct uffdio_copy copy = {.dst = (unsigned long)area, .src = (unsigned long)source,
				   .len = 4096, .mode = UFFDIO_COPY_MODE_DONTWAKE};
	ioctl(uffd, UFFDIO_COPY, &copy);
	copy.mode = 0xdeadbeec | UFFDIO_COPY_MODE_DONTWAKE;
	ioctl(uffd, UFFDIO_COPY, &copy);
	struct uffdio_zeropage zero = {.range = {(unsigned long)area + 4096, 4096},
				       .mode = UFFDIO_ZEROPAGE_MODE_DONTWAKE};
	ioctl(uffd, UFFDIO_ZEROPAGE, &zero);
	struct uffdio_range uffd_range = {(unsigned long)area, 2 * 4096};
	ioctl(uffd, UFFDIO_WAKE, &uffd_range);
	ioctl(uffd, UFFDIO_UNREGISTER, &uffd_range);
	ioctl(-1, UFFDIO_REGISTER, &uffd_reg);
	ioctl(-1, UFFDIO_WAKE, &uffd_range);
	close(uffd);
	return 0;
}
