import type { ShowWaveEffect } from 'antd/es/_util/wave/interface';

// antd's Button draws its click ripple with WaveEffect, which renders through a second React root
// (~2.5 KB gzip with its helpers) that the login page does not need before its first paint.
// vite.config.ts points the button's import here: the ripple's code loads on the first click.
const showWaveEffect: ShowWaveEffect = (target, info) => {
  void import('antd/es/_util/wave/WaveEffect').then((m) => m.default(target, info));
};

export default showWaveEffect;
