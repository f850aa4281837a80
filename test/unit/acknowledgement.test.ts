import { describe, expect, it } from 'vitest';
import { isAcknowledgement } from '../../src/features/help/acknowledgement.ts';

describe('isAcknowledgement', () => {
  it('takes short thanks and "got it" replies, typed any way', () => {
    for (const text of [
      'Dạ cảm ơn công an xã',
      'cam on',
      'Cảm ơn anh nhiều ạ!',
      'ok',
      'Oke',
      'Vâng ạ',
      'Dạ',
      'Thanks',
      '👍',
      '🙏🙏',
    ])
      expect(isAcknowledgement(text), text).toBe(true);
  });

  it('leaves questions, reports and long texts to the usual answer', () => {
    for (const text of [
      'Cho hỏi khi nào họp tổ tự quản?',
      'có cướp',
      'cảm ơn, có cướp đang vào nhà',
      'ok anh ơi nhà em bị trộm',
      'ok nhưng tối nay lại có người lạ đi quanh xóm, nhà tôi ở cuối ấp 3 gần cầu',
      '?',
      '',
    ])
      expect(isAcknowledgement(text), text).toBe(false);
  });
});
