// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// ioctls of devices whose structs the call reads, for test_decode_ioctl.py, on a closed
// descriptor (so read at entry only): a PTP clock's timestamp, output, pin and offset
// requests; seccomp's user notifications; block devices' ints, ranges, partitions and
// traces; loop devices' status and configuration; inode flags; an RTC's wakeup alarm and
// PLL; an input device's clock and repeat rate; a perf event's period; the disk's taskfile
// registers; counters, extents, NBD, MTD, disk and key settings, namespaces, KVM's structs;
// and the video devices' requests with NULL.
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/counter.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/hdreg.h>
#include <linux/input.h>
#include <linux/kvm.h>
#include <linux/loop.h>
#include <linux/nbd.h>
#include <linux/nsfs.h>
#include <linux/perf_event.h>
#include <linux/ptp_clock.h>
#include <linux/rtc.h>
#include <linux/seccomp.h>
#include <linux/videodev2.h>
#include <mtd/mtd-abi.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(void) {
	// A PTP clock's requests: flags known, unknown and mixed; a start time with its date, a
	// phase, a duty cycle; a pin's function; the samples asked for.
	struct ptp_extts_request extts = {.index = 3, .flags = PTP_ENABLE_FEATURE | PTP_RISING_EDGE};
	ioctl(-1, PTP_EXTTS_REQUEST, &extts);
	extts.flags = 0xf0000000;
	extts.rsv[1] = 0xcafe;
	ioctl(-1, PTP_EXTTS_REQUEST2, &extts);
	struct ptp_perout_request perout = {
		.start = {.sec = 1700000000, .nsec = 5}, .period = {.sec = 1, .reserved = 7},
		.index = 1, .flags = PTP_PEROUT_ONE_SHOT};
	ioctl(-1, PTP_PEROUT_REQUEST, &perout);
	perout.flags = PTP_PEROUT_PHASE | PTP_PEROUT_DUTY_CYCLE | 0x100;
	perout.on.nsec = 500;
	ioctl(-1, PTP_PEROUT_REQUEST2, &perout);
	struct ptp_pin_desc pin = {.name = "SMA1", .index = 2, .func = PTP_PF_PEROUT, .chan = 1};
	ioctl(-1, PTP_PIN_SETFUNC, &pin);
	pin.func = 9;
	pin.rsv[0] = 1;
	ioctl(-1, PTP_PIN_SETFUNC2, &pin);
	ioctl(-1, PTP_PIN_GETFUNC2, &pin);
	struct ptp_sys_offset off = {.n_samples = 5};
	ioctl(-1, PTP_SYS_OFFSET, &off);
	struct ptp_sys_offset_extended ext = {.n_samples = 3, .rsv = {0, 4}};
	ioctl(-1, PTP_SYS_OFFSET_EXTENDED, &ext);

	// seccomp's user notifications: a notification asked for (all zero: shown at exit only)
	// and one not, a response with an errno, an id, a descriptor added.
	struct seccomp_notif notif;
	memset(&notif, 0, sizeof(notif));
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, &notif);
	notif.id = 0x1234;
	notif.pid = 1;
	notif.data.nr = 39;
	notif.data.arch = AUDIT_ARCH_I386;
	notif.data.args[0] = 0xdead;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, &notif);
	struct seccomp_notif_resp resp = {.id = 7, .val = -1, .error = -13,
					  .flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE};
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	resp.error = 5;
	resp.flags = 0x10;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	unsigned long long id = 0xfeedface;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID, &id);
	struct seccomp_notif_addfd addfd = {.id = 1, .flags = SECCOMP_ADDFD_FLAG_SETFD,
					    .srcfd = 3, .newfd = 10, .newfd_flags = O_CLOEXEC};
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd);

	// Block devices': plain numbers and a sized one, a range, a partition (the one its pointer
	// names is not read), a trace.
	int ro = 1;
	ioctl(-1, BLKROSET, &ro);
	ioctl(-1, BLKBSZSET, &ro);
	unsigned long long range[2] = {4096, 1 << 20};
	ioctl(-1, BLKDISCARD, range);
	ioctl(-1, BLKZEROOUT, range);
	struct blkpg_ioctl_arg pg = {.op = BLKPG_DEL_PARTITION, .datalen = 8};
	ioctl(-1, BLKPG, &pg);
	pg.op = 9;
	pg.data = (void *)8;  // unreadable: its address
	ioctl(-1, BLKPG, &pg);
	struct blk_user_trace_setup trace = {.act_mask = 3, .buf_size = 512, .buf_nr = 4,
					     .start_lba = 1, .end_lba = 99, .pid = 1};
	ioctl(-1, BLKTRACESETUP, &trace);

	// Loop devices': a status without and with encryption, the 64-bit one, a configuration.
	struct loop_info info = {.lo_number = 1, .lo_offset = 512, .lo_flags = LO_FLAGS_READ_ONLY,
				 .lo_name = "disk.img"};
	ioctl(-1, LOOP_SET_STATUS, &info);
	info.lo_encrypt_type = LO_CRYPT_XOR;
	info.lo_encrypt_key_size = 3;
	memcpy(info.lo_encrypt_key, "k\0y", 3);
	info.lo_flags = 0x100;
	ioctl(-1, LOOP_SET_STATUS, &info);
	struct loop_config config = {.fd = 4, .block_size = 4096};
	config.info.lo_offset = 1 << 20;
	config.info.lo_flags = LO_FLAGS_AUTOCLEAR | LO_FLAGS_PARTSCAN;
	strcpy((char *)config.info.lo_file_name, "/tmp/disk.img");
	ioctl(-1, LOOP_SET_STATUS64, &config.info);
	ioctl(-1, LOOP_CONFIGURE, &config);
	config.__reserved[1] = 2;
	ioctl(-1, LOOP_CONFIGURE, &config);

	// Inode flags, known and not; the 32-bit request takes an int.
	int flags = FS_APPEND_FL | FS_NOATIME_FL;
	ioctl(-1, FS_IOC32_SETFLAGS, &flags);
	flags = 0x01000000;
	ioctl(-1, FS_IOC32_SETFLAGS, &flags);
	long lflags = FS_IMMUTABLE_FL;
	ioctl(-1, FS_IOC_SETFLAGS, &lflags);

	// An RTC's wakeup alarm and PLL; an input device's clock and repeat rate; a perf event's
	// period and the programs asked about; the disk's taskfile registers.
	struct rtc_wkalrm alarm = {.enabled = 1, .time = {.tm_hour = 6, .tm_mday = 1}};
	ioctl(-1, RTC_WKALM_SET, &alarm);
	struct rtc_pll_info pll = {.pll_ctrl = 1, .pll_value = -2, .pll_clock = 32768};
	ioctl(-1, RTC_PLL_SET, &pll);
	int clock = 1;
	ioctl(-1, EVIOCSCLOCKID, &clock);
	unsigned int rep[2] = {250, 33};
	ioctl(-1, EVIOCSREP, rep);
	unsigned long long period = 100000;
	ioctl(-1, PERF_EVENT_IOC_PERIOD, &period);
	struct perf_event_query_bpf query = {.ids_len = 4};
	ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, &query);
	int regs[3] = {0x10, 0x20, -1};
	ioctl(-1, HDIO_DRIVE_RESET, regs);

	// A counter's watch; the extents asked about; an NBD server's flags, the protocol's among
	// them; an MTD's file mode; the disk's nice bits and bus state; a key's code, by scancode
	// and by index; a force feedback effect.
	struct counter_watch watch = {.component = {.type = COUNTER_COMPONENT_COUNT,
						    .scope = COUNTER_SCOPE_COUNT, .parent = 1, .id = 2},
				      .event = COUNTER_EVENT_INDEX, .channel = 3};
	ioctl(-1, COUNTER_ADD_WATCH_IOCTL, &watch);
	struct fiemap fiemap = {.fm_length = 4096, .fm_flags = FIEMAP_FLAG_SYNC, .fm_extent_count = 2};
	ioctl(-1, FS_IOC_FIEMAP, &fiemap);
	ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS | 1 << 6 /* NBD_FLAG_SEND_WRITE_ZEROES */);
	ioctl(-1, MTDFILEMODE, MTD_FILE_MODE_RAW);
	ioctl(-1, HDIO_SET_NICE, 1 << IDE_NICE_1 | 1 << IDE_NICE_DSC_OVERLAP | 0x100);
	ioctl(-1, HDIO_SET_BUSSTATE, BUSSTATE_TRISTATE);
	unsigned int keycode[2] = {0x1e, KEY_A};
	ioctl(-1, EVIOCSKEYCODE, keycode);
	struct input_keymap_entry keymap = {.flags = INPUT_KEYMAP_BY_INDEX, .len = 4, .index = 7,
					    .keycode = KEY_ENTER, .scancode = {0x1c}};
	ioctl(-1, EVIOCSKEYCODE_V2, &keymap);
	struct ff_effect effect = {.type = FF_RUMBLE, .id = -1, .direction = 0x4000,
				   .replay = {.length = 100}, .u.rumble = {.strong_magnitude = 9}};
	ioctl(-1, EVIOCSFF, &effect);
	effect.type = FF_PERIODIC;
	effect.u.periodic = (struct ff_periodic_effect){
		.waveform = FF_SINE, .period = 20, .magnitude = -3, .custom_len = 1,
		.envelope = {.attack_length = 5, .fade_level = 0x10}};
	ioctl(-1, EVIOCSFF, &effect);

	// A namespace's type and owner, of this process's user namespace.
	int ns = open("/proc/self/ns/user", O_RDONLY);
	ioctl(ns, NS_GET_NSTYPE);
	unsigned int owner;
	ioctl(ns, NS_GET_OWNER_UID, &owner);
	ioctl(-1, NS_GET_OWNER_UID, NULL);
	close(ns);

#if defined(__x86_64__)
	// KVM's capabilities, memory slots, registers and CPUID tables, on no virtual machine.
	ioctl(-1, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY);
	struct kvm_userspace_memory_region region = {.slot = 1, .flags = KVM_MEM_READONLY,
						     .guest_phys_addr = 0x1000, .memory_size = 4096};
	ioctl(-1, KVM_SET_USER_MEMORY_REGION, &region);
	struct kvm_regs vcpu = {.rax = 2, .rbx = 3, .rip = 0x1000, .rflags = 2};
	ioctl(-1, KVM_SET_REGS, &vcpu);
	struct kvm_sregs sregs = {.cs = {.limit = 0xffff, .type = 11, .present = 1, .s = 1}};
	ioctl(-1, KVM_SET_SREGS, &sregs);
	// An empty CPUID table (the entries of one that is not, behind its head, strace shows
	// with -v, where they are not read).
	struct kvm_cpuid2 cpuid = {.nent = 0};
	ioctl(-1, KVM_SET_CPUID2, &cpuid);
#endif

	// The video devices': what failed calls show of formats, buffers, streams, standards,
	// inputs, crops, frame sizes, controls by name, by class and unknown; those strace
	// decodes with NULL, and one it does not.
	struct v4l2_format format = {.type = V4L2_BUF_TYPE_VIDEO_CAPTURE};
	ioctl(-1, VIDIOC_G_FMT, &format);
	format.type = V4L2_BUF_TYPE_VIDEO_OUTPUT;
	format.fmt.pix = (struct v4l2_pix_format){.width = 640, .height = 480,
						  .pixelformat = V4L2_PIX_FMT_YUYV,
						  .field = V4L2_FIELD_NONE, .bytesperline = 1280,
						  .colorspace = V4L2_COLORSPACE_SRGB};
	ioctl(-1, VIDIOC_S_FMT, &format);
	format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE;
	format.fmt.pix_mp = (struct v4l2_pix_format_mplane){
		.width = 8, .pixelformat = 0x12345678, .num_planes = 2,
		.plane_fmt = {{.sizeimage = 64, .bytesperline = 8}, {.sizeimage = 32}}};
	ioctl(-1, VIDIOC_TRY_FMT, &format);
	format.type = V4L2_BUF_TYPE_VIDEO_OVERLAY;
	format.fmt.win = (struct v4l2_window){.w = {.width = 4}, .field = 99, .chromakey = 0xff,
					      .clipcount = 3, .global_alpha = 0x80};
	ioctl(-1, VIDIOC_S_FMT, &format);
	format.type = V4L2_BUF_TYPE_VBI_CAPTURE;
	format.fmt.vbi = (struct v4l2_vbi_format){.sampling_rate = 27000000, .start = {-1, 2},
						  .count = {3, 4}, .flags = V4L2_VBI_INTERLACED | 8};
	ioctl(-1, VIDIOC_S_FMT, &format);
	format.type = V4L2_BUF_TYPE_SLICED_VBI_OUTPUT;
	format.fmt.sliced = (struct v4l2_sliced_vbi_format){
		.service_set = V4L2_SLICED_VPS, .service_lines = {{1, 2}, {[23] = 3}}, .io_size = 9};
	ioctl(-1, VIDIOC_S_FMT, &format);
	format.type = V4L2_BUF_TYPE_SDR_CAPTURE;
	format.fmt.sdr = (struct v4l2_sdr_format){.pixelformat = V4L2_SDR_FMT_CU8};
	ioctl(-1, VIDIOC_S_FMT, &format);
	format.type = V4L2_BUF_TYPE_META_OUTPUT;
	format.fmt.meta = (struct v4l2_meta_format){.dataformat = V4L2_META_FMT_UVC, .buffersize = 7};
	ioctl(-1, VIDIOC_TRY_FMT, &format);
	format.type = 0x55;
	ioctl(-1, VIDIOC_S_FMT, &format);
	struct v4l2_fmtdesc fmtdesc = {.index = 1, .type = V4L2_BUF_TYPE_META_OUTPUT};
	ioctl(-1, VIDIOC_ENUM_FMT, &fmtdesc);
	struct v4l2_requestbuffers reqbufs = {.count = 4, .type = V4L2_BUF_TYPE_VIDEO_OUTPUT,
					      .memory = V4L2_MEMORY_DMABUF};
	ioctl(-1, VIDIOC_REQBUFS, &reqbufs);
	struct v4l2_buffer buffer = {.index = 2, .type = 0x77};
	ioctl(-1, VIDIOC_QBUF, &buffer);
	ioctl(-1, VIDIOC_DQBUF, &buffer);
	int stream = V4L2_BUF_TYPE_SDR_CAPTURE;
	ioctl(-1, VIDIOC_STREAMON, &stream);
	v4l2_std_id std = V4L2_STD_PAL_B;
	ioctl(-1, VIDIOC_S_STD, &std);
	struct v4l2_input input = {.index = 3};
	ioctl(-1, VIDIOC_ENUMINPUT, &input);
	struct v4l2_crop crop = {.type = V4L2_BUF_TYPE_VIDEO_OVERLAY,
				 .c = {.left = -1, .top = 2, .width = 640, .height = 480}};
	ioctl(-1, VIDIOC_S_CROP, &crop);
	struct v4l2_frmsizeenum frmsize = {.index = 0, .pixel_format = V4L2_PIX_FMT_YUYV};
	ioctl(-1, VIDIOC_ENUM_FRAMESIZES, &frmsize);
	frmsize.pixel_format = v4l2_fourcc('\'', '\\', '\n', 0xfa);
	ioctl(-1, VIDIOC_ENUM_FRAMESIZES, &frmsize);
	struct v4l2_streamparm parm = {.type = V4L2_BUF_TYPE_VIDEO_CAPTURE};
	ioctl(-1, VIDIOC_G_PARM, &parm);
	parm.type = 0x99;
	ioctl(-1, VIDIOC_S_PARM, &parm);
	struct v4l2_control control = {.id = V4L2_CID_BRIGHTNESS, .value = -5};
	ioctl(-1, VIDIOC_S_CTRL, &control);
	control.id = V4L2_CTRL_CLASS_CAMERA + 0x42;
	ioctl(-1, VIDIOC_G_CTRL, &control);
	control.id = 0x12345;
	ioctl(-1, VIDIOC_S_CTRL, &control);
	ioctl(-1, VIDIOC_QUERYCAP, NULL);
	ioctl(-1, VIDIOC_S_FMT, NULL);
	ioctl(-1, VIDIOC_LOG_STATUS, NULL);
	return 0;
}
