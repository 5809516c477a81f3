import {describe, expect, it} from 'vitest';
import {parseServeAddress} from '../../src/config/serve-address.js';

describe('--serve addresses', () => {
  it.each([
    ['9930', {port: 9930}],
    [':9930', {port: 9930}],
    ['0', {port: 0}],
    ['127.0.0.1:9930', {host: '127.0.0.1', port: 9930}],
    ['localhost:9930', {host: 'localhost', port: 9930}],
    ['monitor-1.example.org:80', {host: 'monitor-1.example.org', port: 80}],
    ['[::1]:9930', {host: '::1', port: 9930}],
    ['[::]:9930', {host: '::', port: 9930}],
  ])('reads %j', (text, address) => {
    expect(parseServeAddress(text)).toEqual(address);
  });

  it.each(['', 'abc', '65536', '::1:9930', 'host:', 'host:port', 'a_b:1', '-x:1', '1:2:3'])('refuses %j', (text) => {
    expect(() => parseServeAddress(text)).toThrow(/expected \[host:\]port like 9930 or 127\.0\.0\.1:9930/);
  });
});
